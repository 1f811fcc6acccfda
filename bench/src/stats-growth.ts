/**
 * `/v1/stats` as stored ratings grow (issue 16 goal 4): the real collector CLI on PostgreSQL
 * answering over HTTP with 10⁴, 10⁵ and 10⁶ stored ratings, next to the full scan it replaced
 * (the three aggregate queries over every rating, run straight on the same database).
 * Ratings are generated in SQL (spread over 180 days, four scales, two interaction types), in
 * one INSERT per 25,000 rows, so the rollup triggers run as they do for ingest batches, rotating
 * over four connections as the collector's pool does: the rollup counts per connection (its
 * slots), so one connection would leave it smaller than real ingest does.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollectorCli } from '@raaye/test-utils/collector-cli';
import pg from 'pg';
import { median, percentile } from './stats';

export interface StatsGrowthRow {
  ratings: number;
  /** `GET /v1/stats` over HTTP, no filter (the dashboard's default view). */
  allMs: number;
  /** `GET /v1/stats?from=…&to=…` for a 30-day window with partial days at both ends. */
  windowMs: number;
  /** The same request with `If-None-Match` (a poll when nothing changed). */
  conditionalMs: number;
  /**
   * The dashboard's own 5 s poll: its default view, the last 30 whole UTC days (whole days
   * come from the rollup alone), with the `If-None-Match` of its previous answer.
   */
  dashboardMs?: number;
  /** The collector's store time for that poll (`Server-Timing`). */
  dashboardStoreMs?: number;
  /** The store time's two queries at 10⁶ and the others: rollup (stats) and the owed ledger. */
  rollupMs?: number;
  coverageMs?: number;
  p99Ms: number;
  /**
   * The collector's own time in the store for the unfiltered and the conditional call (its
   * `Server-Timing: store;dur=…`), apart from HTTP and this machine's scheduling.
   */
  storeMs: number;
  /** `GET /healthz` in the same loop: the HTTP floor on this machine at this moment. */
  healthMs: number;
  /** The previous implementation's three full-scan aggregate queries, straight on the database. */
  fullScanMs: number;
}

const SITE = 'bench';
const SECRET = 'sk_bench_0123456789abcdefghijklmnopqrstuv';
const SAMPLES = 20;
const CHUNK = 25_000;
const WRITERS = 4;

const FULL_SCAN = [
  `SELECT count(*), avg(score), count(*) FILTER (WHERE scale IN ('stars5','faces5','csat5')),
     count(*) FILTER (WHERE scale IN ('stars5','faces5','csat5') AND score >= 4),
     count(*) FILTER (WHERE scale = 'nps'), count(*) FILTER (WHERE scale = 'nps' AND score >= 9),
     count(*) FILTER (WHERE scale = 'nps' AND score <= 6) FROM raaye_ratings WHERE site_id = $1`,
  `SELECT scale, score, count(*) FROM raaye_ratings WHERE site_id = $1 GROUP BY 1, 2`,
  `SELECT to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(*), avg(score)
   FROM raaye_ratings WHERE site_id = $1 GROUP BY 1 ORDER BY 1`,
];

export async function measureStatsGrowth(
  databaseUrl: string,
  sizes = [10_000, 100_000, 1_000_000],
): Promise<StatsGrowthRow[]> {
  const name = `raaye_stats_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), 'raaye-stats-bench-'));
  const config = join(dir, 'config.json');
  writeFileSync(
    config,
    JSON.stringify({
      sites: [
        { id: SITE, siteKey: 'pk_bench', secretKey: SECRET, allowedOrigins: ['http://127.0.0.1'] },
      ],
    }),
  );
  const cli = await startCollectorCli({ args: ['--config', config, '--database-url', url.href] });
  const sql = new pg.Client({ connectionString: url.href });
  await sql.connect();
  const writers = [sql];
  for (let i = 1; i < WRITERS; i++) {
    const writer = new pg.Client({ connectionString: url.href });
    await writer.connect();
    writers.push(writer);
  }
  const rows: StatsGrowthRow[] = [];
  try {
    let stored = 0;
    for (const size of sizes) {
      for (let chunk = 0; stored < size; stored += Math.min(CHUNK, size - stored), chunk++) {
        await writers[chunk % WRITERS]!.query(
          `INSERT INTO raaye_ratings (site_id, id, interaction_id, interaction_type, scale, score,
             rater_id, source, device_created_at, sent_at, received_at, event_time, low)
           SELECT $1, gen_random_uuid(), 'i' || g, CASE WHEN g % 3 = 0 THEN 'delivery' ELSE 'ride' END,
             (ARRAY['stars5','nps','csat5','ces7'])[1 + g % 4],
             CASE g % 4 WHEN 1 THEN g % 11 WHEN 3 THEN 1 + g % 7 ELSE 1 + g % 5 END,
             'r' || g, 'web', t, t, t, t, false
           FROM generate_series($2::int, $3::int) AS g,
             LATERAL (SELECT now() - (g % 180) * interval '1 day' - (g % 86400) * interval '1 second' AS t) AS x`,
          [SITE, stored + 1, stored + Math.min(CHUNK, size - stored)],
        );
      }
      await sql.query('ANALYZE raaye_ratings');
      await sql.query('ANALYZE raaye_stats_daily');
      const get = async (path: string, headers: Record<string, string> = {}) => {
        const started = performance.now();
        const response = await fetch(`${cli.url}${path}`, {
          headers: { authorization: `Bearer ${SECRET}`, ...headers },
        });
        await response.arrayBuffer();
        return { ms: performance.now() - started, response };
      };
      const window = (() => {
        const to = new Date(Date.now() - 3 * 3_600_000);
        const from = new Date(to.getTime() - 30 * 86_400_000 + 5_400_000);
        return `/v1/stats?from=${from.toISOString()}&to=${to.toISOString()}`;
      })();
      const day = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`;
      const dashboard = `/v1/stats?from=${day(Date.now() - 29 * 86_400_000)}&to=${day(Date.now() + 86_400_000)}`;
      const first = await get('/v1/stats');
      // A stats read starts the rollup's fold in the background (stats-fold.ts) when none ran in
      // the last 10 s: measure the polls that follow it, as a dashboard that keeps polling does.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const etag = first.response.headers.get('etag') ?? '';
      const all: number[] = [];
      const windowed: number[] = [];
      const conditional: number[] = [];
      const scans: number[] = [];
      const health: number[] = [];
      const store: number[] = [];
      const polls: number[] = [];
      const pollStore: number[] = [];
      const rollup: number[] = [];
      const coverage: number[] = [];
      const timing = (response: Response, name = 'store') =>
        Number(
          new RegExp(`${name};dur=([\\d.]+)`).exec(
            response.headers.get('server-timing') ?? '',
          )?.[1] ?? NaN,
        );
      const storeTime = (response: Response) => timing(response);
      let pollTag = (await get(dashboard)).response.headers.get('etag') ?? '';
      for (let i = 0; i < SAMPLES; i++) {
        health.push((await get('/healthz')).ms);
        const plain = await get('/v1/stats');
        all.push(plain.ms);
        windowed.push((await get(window)).ms);
        const revalidated = await get('/v1/stats', { 'if-none-match': etag });
        conditional.push(revalidated.ms);
        store.push(storeTime(plain.response), storeTime(revalidated.response));
        rollup.push(timing(plain.response, 'rollup'));
        coverage.push(timing(plain.response, 'coverage'));
        const poll = await get(dashboard, { 'if-none-match': pollTag });
        pollTag = poll.response.headers.get('etag') ?? pollTag;
        polls.push(poll.ms);
        pollStore.push(storeTime(poll.response));
        const started = performance.now();
        for (const query of FULL_SCAN) await sql.query(query, [SITE]);
        scans.push(performance.now() - started);
      }
      rows.push({
        ratings: size,
        allMs: median(all),
        windowMs: median(windowed),
        conditionalMs: median(conditional),
        p99Ms: percentile([...all, ...windowed, ...conditional], 99),
        storeMs: median(store),
        dashboardMs: median(polls),
        dashboardStoreMs: median(pollStore),
        rollupMs: median(rollup),
        coverageMs: median(coverage),
        healthMs: median(health),
        fullScanMs: median(scans),
      });
      console.log(rows.at(-1));
    }
  } finally {
    for (const writer of writers) await writer.end();
    await cli.stop();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  return rows;
}

// `node --import tsx src/stats-growth.ts <url>` runs it alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2] ?? process.env.RAAYE_BENCH_DATABASE_URL;
  if (!url) throw new Error('usage: stats-growth.ts <postgres url>');
  console.table(await measureStatsGrowth(url));
}
