import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collector, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';
import { PASSWORD, seedMember, signIn } from './_util/team';

describe.each(storeCases)('members, sessions and tokens on $name', (storeCase) => {
  let handle: StoreHandle;
  // PGlite takes long to open on a loaded machine.
  beforeAll(async () => {
    handle = await storeCase.create();
  }, 180_000);
  afterAll(() => handle.cleanup());

  it('signs an owner in with an HttpOnly SameSite=Strict cookie; the owner adds an agent', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    await seedMember(handle.store, s.id, 'Owner@Shop.example', 'owner');
    const signInResponse = await handler(
      new Request('https://collector.test/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@shop.example', password: PASSWORD }),
      }),
    );
    expect(signInResponse.status).toBe(200);
    const cookie = signInResponse.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      /^raaye_session=rs_[\w-]{40,}; Path=\/; Max-Age=604800; HttpOnly; SameSite=Strict; Secure$/,
    );

    const owner = await signIn(handler, 'owner@shop.example');
    const me = await owner.call('/v1/session');
    expect(await me.json()).toMatchObject({
      site: s.id,
      member: { email: 'owner@shop.example', role: 'owner' },
    });
    const added = await owner.call('/v1/members', {
      method: 'POST',
      body: { email: 'ana@shop.example', name: 'Ana', role: 'agent', password: 'another long one' },
    });
    expect(added.status).toBe(201);
    const again = await owner.call('/v1/members', {
      method: 'POST',
      body: { email: 'ANA@shop.example', role: 'agent', password: 'another long one' },
    });
    expect(again.status).toBe(409);
    const list = (await (await owner.call('/v1/members')).json()) as {
      members: Array<{ email: string; role: string }>;
    };
    expect(list.members.map((m) => [m.email, m.role])).toEqual([
      ['owner@shop.example', 'owner'],
      ['ana@shop.example', 'agent'],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/scrypt|password/);
    const log = (await (await owner.call('/v1/activity')).json()) as {
      activity: Array<{ action: string; actor: { name: string } }>;
    };
    expect(log.activity.map((a) => a.action)).toContain('member.added');
    expect(log.activity.find((a) => a.action === 'member.added')!.actor.name).toBe('Owner');
  });

  it('refuses wrong passwords, unknown e-mails and bad bodies with 4xx', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    await seedMember(handle.store, s.id, 'x@shop.example', 'owner');
    const attempt = (body: unknown) =>
      handler(
        new Request('http://collector.test/v1/session', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    expect((await attempt({ email: 'x@shop.example', password: 'wrong password' })).status).toBe(
      401,
    );
    expect((await attempt({ email: 'nobody@shop.example', password: PASSWORD })).status).toBe(401);
    expect((await attempt({ email: 'not an email', password: PASSWORD })).status).toBe(400);
    expect(
      (await attempt({ email: 'x@shop.example', password: PASSWORD, site: 'other' })).status,
    ).toBe(401);
  });

  it('guards every change: CSRF token, cross-site fetches, missing, foreign and expired cookies', async () => {
    let now = Date.parse('2026-12-01T10:00:00Z');
    const a = site();
    const b = site();
    const handler = collector(handle.store, [a, b], { now: () => now });
    await seedMember(handle.store, a.id, 'owner-a@shop.example', 'owner');
    const bOwner = await seedMember(handle.store, b.id, 'owner-b@shop.example', 'owner');
    const owner = await signIn(handler, 'owner-a@shop.example');
    const body = { email: 'new@shop.example', role: 'viewer', password: 'a long password' };

    expect((await owner.call('/v1/members', { method: 'POST', body, csrf: null })).status).toBe(
      403,
    );
    expect(
      (await owner.call('/v1/members', { method: 'POST', body, csrf: 'x'.repeat(32) })).status,
    ).toBe(403);
    const crossSite = await owner.call('/v1/members', {
      method: 'POST',
      body,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.status).toBe(403);
    const sameSite = await owner.call('/v1/members', {
      method: 'POST',
      body,
      headers: { 'sec-fetch-site': 'same-site' },
    });
    expect(sameSite.status).toBe(403);
    const noCookie = await handler(
      new Request('http://collector.test/v1/members', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-raaye-csrf': owner.csrf },
        body: JSON.stringify(body),
      }),
    );
    expect(noCookie.status).toBe(401);
    const forged = await owner.call('/v1/members', {
      method: 'POST',
      body,
      headers: { cookie: 'raaye_session=rs_forged' },
    });
    expect(forged.status).toBe(401);

    // Site A's session acts on site A only: B's member is not found, B's list is not visible.
    const foreign = await owner.call(`/v1/members/${bOwner.id}`, {
      method: 'PATCH',
      body: { role: 'viewer' },
    });
    expect(foreign.status).toBe(404);
    const members = (await (await owner.call('/v1/members')).json()) as {
      members: Array<{ email: string }>;
    };
    expect(members.members.map((m) => m.email)).not.toContain('owner-b@shop.example');

    // Idle for a day, or past the week: signed out.
    now += 23 * 3600_000;
    expect((await owner.call('/v1/session')).status).toBe(200);
    now += 23 * 3600_000;
    expect((await owner.call('/v1/session')).status).toBe(200);
    now += 25 * 3600_000;
    expect((await owner.call('/v1/session')).status).toBe(401);
    const fresh = await signIn(handler, 'owner-a@shop.example');
    for (let day = 0; day < 6; day++) {
      now += 20 * 3600_000;
      expect((await fresh.call('/v1/session')).status).toBe(200);
    }
    now += 30 * 3600_000;
    expect((await fresh.call('/v1/members', { method: 'POST', body })).status).toBe(401);
  });

  it('gives viewers read only, agents no member management, and signs out everywhere', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    await seedMember(handle.store, s.id, 'o@shop.example', 'owner');
    await seedMember(handle.store, s.id, 'v@shop.example', 'viewer');
    await seedMember(handle.store, s.id, 'a@shop.example', 'agent');
    const viewer = await signIn(handler, 'v@shop.example');
    const agent = await signIn(handler, 'a@shop.example');
    const body = { email: 'z@shop.example', role: 'owner', password: 'a long password' };
    expect((await viewer.call('/v1/members')).status).toBe(200);
    expect((await viewer.call('/v1/members', { method: 'POST', body })).status).toBe(403);
    expect((await agent.call('/v1/members', { method: 'POST', body })).status).toBe(403);
    expect((await agent.call('/v1/tokens')).status).toBe(403);

    const phone = await signIn(handler, 'o@shop.example');
    const laptop = await signIn(handler, 'o@shop.example');
    const me = (await (await laptop.call('/v1/session')).json()) as { member: { id: string } };
    // The last owner can be neither demoted nor removed.
    expect(
      (
        await laptop.call(`/v1/members/${me.member.id}`, {
          method: 'PATCH',
          body: { role: 'agent' },
        })
      ).status,
    ).toBe(409);
    expect((await laptop.call(`/v1/members/${me.member.id}`, { method: 'DELETE' })).status).toBe(
      409,
    );
    const out = await laptop.call('/v1/session?everywhere=1', { method: 'DELETE' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^raaye_session=; .*Max-Age=0/);
    expect((await phone.call('/v1/session')).status).toBe(401);
    expect((await laptop.call('/v1/session')).status).toBe(401);
    expect((await viewer.call('/v1/session')).status).toBe(200);
  });

  it('issues scoped API tokens: read-only and full; secrets shown once, revocable', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    await seedMember(handle.store, s.id, 'o@shop.example', 'owner');
    const owner = await signIn(handler, 'o@shop.example');
    const read = (await (
      await owner.call('/v1/tokens', { method: 'POST', body: { name: 'BI export', scope: 'read' } })
    ).json()) as {
      secret: string;
      token: { id: string };
    };
    const full = (await (
      await owner.call('/v1/tokens', { method: 'POST', body: { name: 'CRM', scope: 'full' } })
    ).json()) as {
      secret: string;
    };
    expect(read.secret).toMatch(/^rt_/);
    const bearer = (token: string, path: string, init: RequestInit = {}) =>
      handler(
        new Request(`http://collector.test${path}`, {
          ...init,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        }),
      );
    expect((await bearer(read.secret, '/v1/members')).status).toBe(200);
    expect((await bearer(read.secret, '/v1/tokens')).status).toBe(403);
    expect((await bearer(full.secret, '/v1/tokens')).status).toBe(403);
    expect((await bearer(s.secretKey, '/v1/tokens')).status).toBe(200);
    const listed = await (await owner.call('/v1/tokens')).text();
    expect(listed).not.toContain(read.secret);
    expect((await owner.call(`/v1/tokens/${read.token.id}`, { method: 'DELETE' })).status).toBe(
      200,
    );
    expect((await bearer(read.secret, '/v1/members')).status).toBe(401);
    expect((await bearer('rt_nope', '/v1/members')).status).toBe(401);
  });
});
