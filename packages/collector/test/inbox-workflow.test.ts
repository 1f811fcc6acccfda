import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxEvent } from '../src/inbox/events';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';
import { seedMember, signIn } from './_util/team';

interface Item {
  id: string;
  status: string;
  assignee: { name: string } | null;
  tags: string[];
  dueAt: string;
}

describe.each(storeCases)('team inbox workflow on $name', (storeCase) => {
  let handle: StoreHandle;
  // PGlite takes long to open on a loaded machine.
  beforeAll(async () => {
    handle = await storeCase.create();
  }, 180_000);
  afterAll(() => handle.cleanup());

  async function setup() {
    const s = site();
    const events: Array<InboxEvent & { site: string }> = [];
    const handler = collector(handle.store, [s], {
      inbox: {
        intervalMs: false,
        emit: async (_tx, siteId, list) =>
          void events.push(...list.map((e) => ({ ...e, site: siteId }))),
      },
    });
    await seedMember(handle.store, s.id, 'owner@shop.example', 'owner');
    const ana = await seedMember(handle.store, s.id, 'ana@shop.example', 'agent');
    const bo = await seedMember(handle.store, s.id, 'bo@shop.example', 'agent');
    await seedMember(handle.store, s.id, 'vic@shop.example', 'viewer');
    return { s, handler, events, ana, bo };
  }

  it('opens, auto-assigns round-robin, and walks a follow-up to resolved with a full activity log', async () => {
    const { s, handler, events, ana, bo } = await setup();
    const low = [1, 2, 1].map((score, i) =>
      rating({
        score,
        raterId: `cust-${i}`,
        comment: `bad ${i}`,
        locale: 'ur-PK',
        user: { id: `cust-${i}`, traits: { email: `c${i}@example.com` } },
      }),
    );
    await handler(postRequest(envelope([...low, rating({ score: 5 })], { siteKey: s.siteKey })));
    const agent = await signIn(handler, 'ana@shop.example');
    const list = (await (await agent.call('/v1/inbox')).json()) as { items: Item[] };
    expect(list.items).toHaveLength(3);
    const assignees = list.items.map((i) => i.assignee?.name).sort();
    // Two agents, three follow-ups: turns alternate, so each got at least one.
    expect(new Set(assignees)).toEqual(new Set([ana.name, bo.name]));
    expect(list.items.every((i) => i.status === 'assigned')).toBe(true);
    expect(events.filter((e) => e.type === 'followup.assigned')).toHaveLength(3);

    const id = low[0]!.id;
    const post = (body: unknown) => agent.call(`/v1/inbox/${id}`, { method: 'POST', body });
    expect((await post({ action: 'assign', assigneeId: ana.id })).status).toBe(200);
    expect((await post({ action: 'note', text: 'called the driver' })).status).toBe(200);
    expect((await post({ action: 'tags', tags: ['driver', 'refund'] })).status).toBe(200);
    const replied = await post({
      action: 'reply',
      message: 'ہمیں افسوس ہے۔\nرقم واپس کر دی گئی ہے۔',
    });
    expect(replied.status).toBe(200);
    expect(((await replied.json()) as { followUp: Item }).followUp.status).toBe('replied');
    const reply = events.find((e) => e.type === 'followup.replied')!;
    const email = reply.data.email as {
      to: string;
      html: string;
      lang: string;
      dir: string;
      subject: string;
    };
    expect(email).toMatchObject({
      to: 'c0@example.com',
      lang: 'ur',
      dir: 'rtl',
      subject: 'آپ کی رائے کا جواب',
    });
    expect(email.html).toContain('<html lang="ur" dir="rtl">');
    expect((await post({ action: 'resolve' })).status).toBe(200);
    expect((await post({ action: 'resolve' })).status).toBe(409);

    const detail = (await (await agent.call(`/v1/inbox/${id}`)).json()) as {
      followUp: Item;
      activity: Array<{ action: string; actor: { name: string; kind: string } }>;
    };
    expect(detail.followUp.status).toBe('resolved');
    expect(detail.followUp.tags).toEqual(['driver', 'refund']);
    expect(detail.activity.map((a) => `${a.action} by ${a.actor.name}`)).toEqual([
      'followup.opened by Raaye',
      expect.stringMatching(/^followup\.assigned by Raaye$/),
      'followup.assigned by ana',
      'followup.noted by ana',
      'followup.tagged by ana',
      'followup.replied by ana',
      'followup.resolved by ana',
    ]);

    // A viewer reads but cannot change anything.
    const viewer = await signIn(handler, 'vic@shop.example');
    expect((await viewer.call(`/v1/inbox/${id}`)).status).toBe(200);
    expect(
      (await viewer.call(`/v1/inbox/${id}`, { method: 'POST', body: { action: 'reopen' } })).status,
    ).toBe(403);
    expect(
      (
        await viewer.call('/v1/inbox/bulk', {
          method: 'POST',
          body: { ids: [id], action: 'reopen' },
        })
      ).status,
    ).toBe(403);
    // Bad bodies are 400s naming the field.
    const bad = await post({ action: 'assign', assigneeId: 'not-a-uuid' });
    expect(bad.status).toBe(400);
    expect((await post({ action: 'explode' })).status).toBe(400);
  });

  it('keeps one site out of another: a session of site A cannot see or act on site B', async () => {
    const a = await setup();
    const b = await setup();
    const foreign = rating({ score: 1 });
    await b.handler(postRequest(envelope([foreign], { siteKey: b.s.siteKey })));
    await b.handler.tick();
    // Same collector serving both sites: the session cookie of A's agent is sent to it.
    const both = collector(handle.store, [a.s, b.s], {
      inbox: { intervalMs: false, emit: async () => {} },
    });
    const agentA = await signIn(both, 'ana@shop.example', a.s.id);
    expect((await agentA.call(`/v1/inbox/${foreign.id}`)).status).toBe(404);
    expect(
      (
        await agentA.call(`/v1/inbox/${foreign.id}`, {
          method: 'POST',
          body: { action: 'resolve' },
        })
      ).status,
    ).toBe(404);
    const bulk = await agentA.call('/v1/inbox/bulk', {
      method: 'POST',
      body: { ids: [foreign.id], action: 'resolve' },
    });
    expect(await bulk.json()).toEqual({
      results: [{ id: foreign.id, ok: false, error: 'not_found' }],
    });
  });

  it('assigns by interaction type, applies bulk actions, shows the customer history', async () => {
    const { s, handler, bo } = await setup();
    const owner = await signIn(handler, 'owner@shop.example');
    const put = await owner.call('/v1/inbox/settings', {
      method: 'PUT',
      body: { assignment: { byType: { delivery: ['BO@shop.example'] } } },
    });
    expect(put.status).toBe(200);
    const earlier = rating({
      score: 5,
      raterId: 'same-person',
      interactionType: 'ride',
      comment: 'great ride',
    });
    const deliveries = [1, 2, 3].map(() =>
      rating({ score: 1, interactionType: 'delivery', raterId: 'same-person' }),
    );
    await handler(postRequest(envelope([earlier, ...deliveries], { siteKey: s.siteKey })));
    const list = (await (await owner.call('/v1/inbox')).json()) as { items: Item[] };
    expect(list.items.map((i) => i.assignee?.name)).toEqual([bo.name, bo.name, bo.name]);
    const ids = list.items.map((i) => i.id);
    const closed = await owner.call('/v1/inbox/bulk', {
      method: 'POST',
      body: { ids, action: 'close', reason: 'spam burst' },
    });
    expect(await closed.json()).toEqual({ results: ids.map((id) => ({ id, ok: true })) });
    expect(
      ((await (await owner.call('/v1/inbox')).json()) as { items: Item[] }).items,
    ).toHaveLength(0);
    const closedList = (await (await owner.call('/v1/inbox?status=closed')).json()) as {
      items: Item[];
    };
    expect(closedList.items).toHaveLength(3);
    // The customer's history is the search API's (the detail no longer repeats it).
    const detail = (await (await owner.call(`/v1/inbox/${ids[0]}`)).json()) as object;
    expect(Object.keys(detail).sort()).toEqual(['activity', 'followUp']);
    const history = (await (
      await owner.call('/v1/ratings/search?customer=same-person')
    ).json()) as { ratings: Array<{ id: string; comment: string | null; channel?: string }> };
    const others = history.ratings.filter((r) => r.id !== ids[0]);
    expect(others).toHaveLength(3);
    expect(others.map((r) => r.comment)).toContain('great ride');
    expect((await owner.call('/v1/inbox?status=bogus')).status).toBe(400);
    expect((await owner.call('/v1/inbox?cursor=zzz')).status).toBe(400);
  });
});
