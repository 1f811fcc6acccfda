import type { RatingsResponse } from '@raaye/protocol';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore } from '../src/store/postgres';
import type { Store } from '../src/store/types';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { DATABASE_URL } from './_util/stores';

// Two stores on one schema stand for two collector processes, whose groups group commit cannot
// merge: exactly-once between them (and between a process's own groups in flight together)
// rests on the unique constraints alone.
describe.skipIf(!DATABASE_URL)('two collector processes on one PostgreSQL', () => {
  const url = DATABASE_URL!;
  const schema = `raaye_test_${Math.random().toString(36).slice(2, 10)}`;
  let a: Store;
  let b: Store;
  beforeAll(async () => {
    a = await postgresStore(url, { schema, max: 4 });
    b = await postgresStore(url, { schema, max: 4 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.end();
  });

  it('accepts each rating exactly once across two processes sending overlapping batches', async () => {
    const s = site();
    const handlers = [collector(a, [s]), collector(b, [s])];
    const pool = Array.from({ length: 80 }, () => rating());
    // The same rater and interaction under another id must collide too.
    const twins = pool.map((r) => ({ ...r, id: rating().id }));
    const bodies = Array.from({ length: 24 }, (_, i) => {
      const from = i % 2 === 0 ? pool : twins;
      const slice = from.slice((i * 7) % 41, ((i * 7) % 41) + 40);
      // A different order in each request, as retries from many tabs are.
      const shuffled = slice
        .map((r, k) => ({ r, key: Math.sin(i * 7919 + k) }))
        .sort((x, y) => x.key - y.key)
        .map(({ r }) => r);
      return envelope(shuffled, { siteKey: s.siteKey });
    });
    const responses = await Promise.all(
      bodies.map((body, i) => handlers[i % 2]!(postRequest(body))),
    );
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
    const results = await Promise.all(responses.map((r) => r.json() as Promise<RatingsResponse>));
    const accepted = results.flatMap((r) => r.results).filter((r) => r.status === 'accepted');
    const stored = await a.listRatings(s.id, {}, '0', 10_000);
    expect(accepted).toHaveLength(stored.length);
    expect(new Set(accepted.map((r) => r.id.toLowerCase()))).toEqual(
      new Set(stored.map((r) => r.id)),
    );
    const pairs = new Set(stored.map((r) => `${r.raterId}/${r.interactionId}`));
    expect(pairs.size).toBe(stored.length);
    // Every slot that was sent is stored (by one of its two ids).
    const sent = new Set(bodies.flatMap((body) => body.ratings.map((r) => r.raterId)));
    expect(pairs.size).toBe(sent.size);
    expect((await a.stats(s.id, {})).count).toBe(stored.length);
  });
});
