import type { RatingsResponse, WireRating } from '@raaye/protocol';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore } from '../src/store/postgres';
import type { Store } from '../src/store/types';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { DATABASE_URL } from './_util/stores';

// Groups of 20+ unverified ratings go in by COPY on PostgreSQL (store/copy-ratings.ts) and fall
// back to the ON CONFLICT statement when they meet stored or concurrent ratings. Two stores on
// one schema stand for two collector processes, whose groups group commit cannot merge.
describe.skipIf(!DATABASE_URL)('the COPY lane on PostgreSQL', () => {
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

  it('stores text that CSV must quote exactly as sent, and reports a re-sent batch as duplicates', async () => {
    const s = site();
    const handler = collector(a, [s]);
    // Counts the COPYs that went through, so the test knows which lane stored the batch.
    const db = a.sql as {
      copyCsv?: (...args: [string, readonly string[], string]) => Promise<void>;
    };
    const copy = db.copyCsv!;
    let copied = 0;
    db.copyCsv = async (...args) => {
      await copy(...args);
      copied++;
    };
    const awkward = 'say "hi", then\nnew line; back\\slash \\N, tab\t, ümlaut, 🙂, ,,""';
    const batch: WireRating[] = Array.from({ length: 25 }, (_, i) =>
      rating({
        comment: i === 0 ? undefined : `${awkward} ${i}`,
        tags: i % 2 ? ['a "quoted", tag', 'b\\c'] : undefined,
        interactionType: i % 3 ? 'ride' : undefined,
        locale: i % 4 ? 'ur-PK' : undefined,
        meta: i % 5 ? { note: awkward, n: i, nested: { ok: true } } : undefined,
        user: i % 6 ? undefined : { traits: { plan: 'pro "x"' } },
      }),
    );
    const first = await handler(postRequest(envelope(batch, { siteKey: s.siteKey })));
    const firstBody = (await first.json()) as RatingsResponse;
    expect(firstBody.results.map((r) => r.status)).toEqual(batch.map(() => 'accepted'));
    expect(copied).toBe(1);
    const stored = new Map(
      (await a.listRatings(s.id, {}, '0', 100)).map((r) => [r.id, r] as const),
    );
    for (const sent of batch) {
      const got = stored.get(sent.id)!;
      expect(got.comment).toBe(sent.comment ?? null);
      expect(got.tags).toEqual(sent.tags ?? null);
      expect(got.interactionType).toBe(sent.interactionType ?? null);
      expect(got.locale).toBe(sent.locale ?? null);
      expect(got.meta).toEqual(sent.meta ?? null);
      expect(got.userTraits).toEqual(sent.user?.traits ?? null);
      expect(got.score).toBe(sent.score);
      expect(got.low).toBe(false);
      expect(got.verified).toBe(false);
      expect(Date.parse(got.deviceCreatedAt)).toBe(Date.parse(sent.createdAt));
    }
    const again = await handler(postRequest(envelope(batch, { siteKey: s.siteKey })));
    const againBody = (await again.json()) as RatingsResponse;
    expect(again.status).toBe(200);
    expect(againBody.results.map((r) => r.status)).toEqual(batch.map(() => 'duplicate'));
    // The COPY of the re-sent batch failed on the unique constraints; the statement answered.
    expect(copied).toBe(1);
    expect(await a.listRatings(s.id, {}, '0', 100)).toHaveLength(batch.length);
  });
});
