/**
 * How long `GET /v1/ratings/search` takes on a site with many ratings, on PGlite and (when
 * RAAYE_BENCH_DATABASE_URL or RAAYE_TEST_DATABASE_URL is set) PostgreSQL: first page, a common
 * and a rare search word (English and Urdu), a word found nowhere (reads every row), a filter and
 * one customer. Through the collector's handler, without HTTP. Prints figures, asserts none.
 * `RAAYE_BENCH_RATINGS` (default 100,000) sets the site's size.
 *   node --conditions=@raaye/source --import tsx packages/collector/bench/ratings-search.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { createCollector } from '../src/collector';
import { silentLogger } from '../src/log/logger';
import { pgliteStore } from '../src/store/pglite';
import { postgresStore } from '../src/store/postgres';
import type { NewRating, Store } from '../src/store/types';

const N = Number(process.env.RAAYE_BENCH_RATINGS ?? 100_000);
const databaseUrl = process.env.RAAYE_BENCH_DATABASE_URL ?? process.env.RAAYE_TEST_DATABASE_URL;
const SECRET = `sk_bench_${randomUUID().replaceAll('-', '')}`;

const COMMENTS = [
  'The driver was late and the car was dirty',
  'Great service, thank you',
  'ڈرائیور دیر سے آیا۔ گاڑی گندی تھی',
  'السائق تأخر كثيراً، والسيارة متسخة',
  'Food arrived cold',
  '',
];

async function seed(store: Store, siteId: string): Promise<void> {
  const start = Date.now() - N * 1000;
  for (let i = 0; i < N; i += 1000) {
    const batch: NewRating[] = [];
    for (let j = i; j < Math.min(N, i + 1000); j++) {
      const at = new Date(start + j * 1000).toISOString();
      const comment = j === 7 ? 'a rare zanzibar complaint' : COMMENTS[j % COMMENTS.length]!;
      batch.push({
        id: randomUUID(),
        interactionId: `order-${j}`,
        interactionType: j % 3 ? 'delivery' : 'ride',
        scale: 'stars5',
        score: (j % 5) + 1,
        tags: j % 4 ? null : ['late'],
        comment: comment || null,
        raterId: `rater-${j % 20_000}-${j}`,
        userId: null,
        userTraits: null,
        meta: null,
        locale: null,
        source: 'web',
        channel: j % 2 ? 'widget' : null,
        deviceCreatedAt: at,
        sentAt: at,
        receivedAt: at,
        eventTime: at,
        clockSuspect: false,
        low: j % 5 < 3,
        verified: false,
      });
    }
    await store.insertRatings(siteId, batch);
  }
}

async function bench(name: string, store: Store): Promise<void> {
  const site = 'bench';
  const t0 = Date.now();
  await seed(store, site);
  console.log(`${name}: seeded ${N} ratings in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const handler = createCollector({
    store,
    logger: silentLogger,
    inbox: { intervalMs: false },
    sites: [{ id: site, siteKey: 'pk_bench', secretKey: SECRET, allowedOrigins: ['*'] }],
  });
  const queries: Array<[string, string]> = [
    ['first page (50)', ''],
    ['common word "late"', 'q=late'],
    ['common Urdu word "دیر"', `q=${encodeURIComponent('دیر')}`],
    ['rare word (1 match, oldest)', 'q=zanzibar'],
    ['word found nowhere', 'q=qwertyuiop'],
    ['score=1 & tag=late', 'score=1&tag=late'],
    ['one customer', 'customer=rater-77-77'],
  ];
  for (const [label, query] of queries) {
    const times: number[] = [];
    let count = 0;
    for (let run = 0; run < 5; run++) {
      const t = performance.now();
      const response = await handler(
        new Request(`http://bench.test/v1/ratings/search?${query}`, {
          headers: { authorization: `Bearer ${SECRET}` },
        }),
      );
      count = ((await response.json()) as { ratings: unknown[] }).ratings.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${name}: ${label.padEnd(30)} ${String(count).padStart(3)} rows, median ${times[2]!.toFixed(1)} ms`,
    );
  }
  await handler.close();
}

const pglite = await pgliteStore();
await bench('pglite', pglite);
await pglite.close();
if (databaseUrl) {
  const schema = `raaye_bench_${randomUUID().slice(0, 8)}`;
  const pg = await postgresStore(databaseUrl, { schema });
  try {
    await bench('postgres', pg);
  } finally {
    await pg.sql.query(`DROP SCHEMA ${schema} CASCADE`);
    await pg.close();
  }
}
