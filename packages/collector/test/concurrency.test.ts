import type { RatingsResponse } from '@raaye/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';

describe.each(storeCases)('concurrent identical batches on $name', (storeCase) => {
  let handle: StoreHandle;
  beforeAll(async () => {
    handle = await storeCase.create();
  });
  afterAll(() => handle.cleanup());

  it('stores each rating exactly once and accepts it exactly once', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const batch = Array.from({ length: 50 }, () => rating());
    // Same ratings under different ids too: the (rater, interaction) constraint must hold as well.
    const twins = batch.map((r) => ({ ...r, id: rating().id }));
    const bodies = Array.from({ length: 24 }, (_, i) =>
      envelope(i % 2 === 0 ? batch : twins, { siteKey: s.siteKey }),
    );
    const responses = await Promise.all(bodies.map((b) => handler(postRequest(b))));
    const results = await Promise.all(responses.map((r) => r.json() as Promise<RatingsResponse>));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const accepted = results.flatMap((r) => r.results).filter((r) => r.status === 'accepted');
    expect(accepted).toHaveLength(50);
    const stored = await handle.store.listRatings(s.id, {}, '0', 10_000);
    expect(stored).toHaveLength(50);
    const pairs = new Set(stored.map((r) => `${r.raterId}/${r.interactionId}`));
    expect(pairs.size).toBe(50);
  });

  it('never deadlocks on overlapping batches sent in different orders (no 503)', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const pool = Array.from({ length: 60 }, () => rating());
    // Each request: a different shuffle of an overlapping slice, as retries from many tabs are.
    const bodies = Array.from({ length: 30 }, (_, i) => {
      const slice = pool.slice(i % 21, (i % 21) + 40);
      const shuffled = slice
        .map((r) => ({ r, key: Math.sin(i * 7919 + pool.indexOf(r)) }))
        .sort((a, b) => a.key - b.key)
        .map(({ r }) => r);
      return envelope(shuffled, { siteKey: s.siteKey });
    });
    const responses = await Promise.all(bodies.map((b) => handler(postRequest(b))));
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const stored = await handle.store.listRatings(s.id, {}, '0', 10_000);
    expect(stored).toHaveLength(60);
  });

  it('loses nothing: N distinct ratings in parallel batches → N stored', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const batches = Array.from({ length: 20 }, () => Array.from({ length: 25 }, () => rating()));
    await Promise.all(
      batches.map((b) => handler(postRequest(envelope(b, { siteKey: s.siteKey })))),
    );
    expect((await handle.store.stats(s.id, {})).count).toBe(500);
  });
});
