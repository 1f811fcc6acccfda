import type { RatingsResponse } from '@raaye/protocol';
import { describe, expect, it } from 'vitest';
import {
  collector,
  envelope,
  getRequest,
  postRequest,
  raterToken,
  rating,
  secretRequest,
  site,
} from './_util/fixtures';
import { openStore, storeCases } from './_util/stores';

describe.each(storeCases)('follow-ups, owed and erasure on $name', (storeCase) => {
  const handle = openStore(storeCase);

  it('queues low ratings by the documented rule and marks them replied', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    // The edges of @raaye/protocol's isLowScore on each scale.
    const low = [
      rating({ scale: 'stars5', score: 3 }),
      rating({ scale: 'thumbs', score: 0 }),
      rating({ scale: 'nps', score: 6 }),
      rating({ scale: 'ces7', score: 4 }),
    ];
    const fine = [
      rating({ scale: 'stars5', score: 4 }),
      rating({ scale: 'thumbs', score: 1 }),
      rating({ scale: 'nps', score: 7 }),
      rating({ scale: 'ces7', score: 5 }),
    ];
    await handler(postRequest(envelope([...low, ...fine], { siteKey: s.siteKey })));
    const list = await handler(getRequest('/v1/follow-ups', s.secretKey));
    const body = (await list.json()) as { followUps: Array<{ id: string }>; nextCursor: null };
    // The batch is inserted in id order (deadlock-free), so compare as sets.
    expect(body.followUps.map((f) => f.id).sort()).toEqual(low.map((r) => r.id).sort());

    const reply = await handler(
      secretRequest(`/v1/follow-ups/${low[0]!.id}`, s.secretKey, {
        by: 'ana@shop',
        note: 'called back',
      }),
    );
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ repliedBy: 'ana@shop', replyNote: 'called back' });
    const after = (await (await handler(getRequest('/v1/follow-ups', s.secretKey))).json()) as {
      followUps: unknown[];
    };
    expect(after.followUps).toHaveLength(3);
    const stored = (await handle.store.listRatings(s.id, {}, '0', 100)).find(
      (r) => r.id === low[0]!.id,
    );
    expect(stored).toMatchObject({ repliedBy: 'ana@shop', replyNote: 'called back' });

    const notLow = await handler(
      secretRequest(`/v1/follow-ups/${fine[0]!.id}`, s.secretKey, { by: 'x' }),
    );
    expect(notLow.status).toBe(404);
    const badBody = await handler(
      secretRequest(`/v1/follow-ups/${low[1]!.id}`, s.secretKey, { by: '' }),
    );
    expect(badBody.status).toBe(400);
    expect(await badBody.json()).toMatchObject({ error: { path: 'by' } });
  });

  it('pages follow-ups with a cursor, newest first', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    // One envelope each, so they arrive (and are stored) in this order.
    const sent = Array.from({ length: 5 }, () => rating({ score: 1 }));
    for (const r of sent) await handler(postRequest(envelope([r], { siteKey: s.siteKey })));
    const first = (await (
      await handler(getRequest('/v1/follow-ups?limit=3', s.secretKey))
    ).json()) as {
      followUps: Array<{ id: string }>;
      nextCursor: string;
    };
    expect(first.followUps).toHaveLength(3);
    const second = (await (
      await handler(getRequest(`/v1/follow-ups?limit=3&cursor=${first.nextCursor}`, s.secretKey))
    ).json()) as { followUps: Array<{ id: string }>; nextCursor: string | null };
    expect(second.followUps).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect([...first.followUps, ...second.followUps].map((f) => f.id)).toEqual(
      sent.map((r) => r.id).reverse(),
    );
  });

  it('records what a rater owes, lists it with the site key, and a rating settles it', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const created = await handler(
      secretRequest('/v1/owed', s.secretKey, {
        raterId: 'rider-7',
        interactionId: 'ride-42',
        interactionType: 'ride',
        prompt: 'How was your ride with Sam?',
        scale: 'stars5',
      }),
    );
    expect(created.status).toBe(201);
    await handler(
      secretRequest('/v1/owed', s.secretKey, { raterId: 'rider-7', interactionId: 'ride-43' }),
    );

    const list = await handler(
      getRequest(
        `/v1/owed?raterId=rider-7&siteKey=${s.siteKey}&token=${raterToken('rider-7')}`,
        undefined,
        {
          origin: 'https://shop.example.com',
        },
      ),
    );
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const owed = (await list.json()) as {
      owed: Array<{ interactionId: string; prompt: string; token: string }>;
    };
    expect(owed.owed.map((o) => o.interactionId)).toEqual(['ride-42', 'ride-43']);
    expect(owed.owed[0]!.prompt).toBe('How was your ride with Sam?');

    // An unverified rating does not settle it; the per-prompt token does.
    await handler(
      postRequest(
        envelope([rating({ raterId: 'rider-7', interactionId: 'ride-42' })], {
          siteKey: s.siteKey,
        }),
      ),
    );
    const r = rating({ raterId: 'rider-7', interactionId: 'ride-42', token: owed.owed[0]!.token });
    await handler(postRequest(envelope([r], { siteKey: s.siteKey })));
    const bearer = await handler(
      getRequest('/v1/owed?raterId=rider-7', s.siteKey, {
        'raaye-rater-token': raterToken('rider-7'),
      }),
    );
    const left = (await bearer.json()) as { owed: Array<{ interactionId: string }> };
    expect(left.owed.map((o) => o.interactionId)).toEqual(['ride-43']);

    // Owed after the fact: already settled.
    await handler(
      secretRequest('/v1/owed', s.secretKey, { raterId: 'rider-7', interactionId: 'ride-42' }),
    );
    const still = (await (
      await handler(
        getRequest('/v1/owed?raterId=rider-7', s.siteKey, {
          'raaye-rater-token': raterToken('rider-7'),
        }),
      )
    ).json()) as {
      owed: unknown[];
    };
    expect(still.owed).toHaveLength(1);
  });

  it('checks keys, origins and expiry for owed', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    expect(
      (await handler(secretRequest('/v1/owed', s.siteKey, { raterId: 'a', interactionId: 'b' })))
        .status,
    ).toBe(401);
    const past = await handler(
      secretRequest('/v1/owed', s.secretKey, {
        raterId: 'a',
        interactionId: 'b',
        expiresAt: '2020-01-01T00:00:00Z',
      }),
    );
    expect(past.status).toBe(400);
    expect((await handler(getRequest('/v1/owed?raterId=a'))).status).toBe(401);
    // A valid site key is not enough: the rater's token is needed, for that rater.
    expect((await handler(getRequest('/v1/owed?raterId=a', s.siteKey))).status).toBe(401);
    expect(
      (await handler(getRequest(`/v1/owed?raterId=a&token=${raterToken('b')}`, s.siteKey))).status,
    ).toBe(401);
    expect((await handler(getRequest('/v1/owed', s.siteKey))).status).toBe(400);
    expect((await handler(getRequest('/v1/owed?raterId=%00', s.siteKey))).status).toBe(400);
    expect(
      (await handler(secretRequest('/v1/raters/%00', s.secretKey, undefined, 'DELETE'))).status,
    ).toBe(400);
    const foreign = await handler(
      getRequest(`/v1/owed?raterId=a&token=${raterToken('a')}`, s.siteKey, {
        origin: 'https://evil.example',
      }),
    );
    expect(foreign.status).toBe(403);
    let now = Date.now();
    const clocked = collector(handle.store, [s], { now: () => now });
    await clocked(
      secretRequest('/v1/owed', s.secretKey, {
        raterId: 'exp',
        interactionId: 'x',
        expiresAt: new Date(now + 60_000).toISOString(),
      }),
    );
    now += 120_000;
    const expired = (await (
      await clocked(getRequest(`/v1/owed?raterId=exp&token=${raterToken('exp')}`, s.siteKey))
    ).json()) as {
      owed: unknown[];
    };
    expect(expired.owed).toHaveLength(0);
  });

  it("erases a rater's ratings and debts, and nobody else's", async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const mine = [rating({ raterId: 'gone' }), rating({ raterId: 'gone' })];
    const theirs = rating({ raterId: 'stays' });
    const res = await handler(postRequest(envelope([...mine, theirs], { siteKey: s.siteKey })));
    expect(
      ((await res.json()) as RatingsResponse).results.every((r) => r.status === 'accepted'),
    ).toBe(true);
    await handler(
      secretRequest('/v1/owed', s.secretKey, { raterId: 'gone', interactionId: 'later' }),
    );
    const erase = await handler(secretRequest('/v1/raters/gone', s.secretKey, undefined, 'DELETE'));
    expect(erase.status).toBe(200);
    expect(await erase.json()).toEqual({
      raterId: 'gone',
      deleted: { ratings: 2, owed: 1, events: 0 },
    });
    const left = await handle.store.listRatings(s.id, {}, '0', 100);
    expect(left.map((r) => r.raterId)).toEqual(['stays']);
    expect(
      (await handler(secretRequest('/v1/raters/gone', s.siteKey, undefined, 'DELETE'))).status,
    ).toBe(401);
  });
});
