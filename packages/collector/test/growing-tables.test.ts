import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore } from '../src/store/pglite';
import type { Store } from '../src/store/types';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';

// Issue 16: PGlite has no autovacuum, and a foreign-key check's plan cached while the ratings
// table had one page stayed a sequential scan as it grew (inbox passes 135 ms at 8,000 ratings,
// 8 ms after ANALYZE). The store analyses the growing tables itself; and the follow-ups of
// ingested low ratings are opened by the kick that names them, with no tick.
describe('PGlite as tables grow', () => {
  let store: Store;
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(() => store.close());

  it('analyses the ratings after the first few hundred, and the kick opens every follow-up', async () => {
    const s = site();
    const handler = collector(store, [s], { inbox: { intervalMs: false } });
    const reltuples = async () => {
      const [row] = await store.sql.query<{ n: number }>(
        "SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'raaye_ratings'::regclass",
      );
      return Number(row?.n);
    };
    for (let i = 0; i < 6; i++) {
      const batch = Array.from({ length: 100 }, () => rating({ score: 1 }));
      const response = await handler(postRequest(envelope(batch, { siteKey: s.siteKey })));
      expect(response.status).toBe(200);
    }
    const followUps = async () => {
      const [row] = await store.sql.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM raaye_followups WHERE site_id = $1',
        [s.id],
      );
      return Number(row?.n);
    };
    await expect.poll(reltuples, { timeout: 60_000, interval: 200 }).toBeGreaterThanOrEqual(500);
    await expect.poll(followUps, { timeout: 60_000, interval: 200 }).toBe(600);
  }, 120_000);
});
