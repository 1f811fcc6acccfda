/**
 * Ingest throughput and latency over real HTTP on 127.0.0.1 (autocannon), against PGlite and,
 * when RAAYE_BENCH_DATABASE_URL or RAAYE_TEST_DATABASE_URL is set, PostgreSQL. Batches of 1 and
 * 50 ratings, each with fresh ids so every rating is a real insert. Prints figures, asserts none.
 * `RAAYE_BENCH_SECONDS` (default 5) and `RAAYE_BENCH_CONNECTIONS` (default 10) tune the run.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error autocannon ships no types; only the documented promise API is used here.
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createCollector } from '../src/collector';
import { toNodeListener } from '../src/http/node-listener';
import { silentLogger } from '../src/log/logger';
import { pgliteStore } from '../src/store/pglite';
import { postgresStore } from '../src/store/postgres';
import type { Store } from '../src/store/types';

const seconds = Number(process.env.RAAYE_BENCH_SECONDS ?? 5);
const connections = Number(process.env.RAAYE_BENCH_CONNECTIONS ?? 10);
const databaseUrl = process.env.RAAYE_BENCH_DATABASE_URL ?? process.env.RAAYE_TEST_DATABASE_URL;

const site = {
  id: 'bench',
  siteKey: 'pk_bench',
  secretKey: 'sk_bench',
  allowedOrigins: ['*'],
  limits: { site: { burst: 1e9, perSecond: 1e9 }, client: { burst: 1e9, perSecond: 1e9 } },
};

let n = 0;
function uuid(): string {
  const hex = crypto.randomUUID().replaceAll('-', '');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

function body(batch: number): string {
  const now = new Date().toISOString();
  const ratings = Array.from({ length: batch }, () => {
    n++;
    return {
      id: uuid(),
      interactionId: `order-${n}`,
      interactionType: 'delivery',
      scale: 'stars5',
      score: (n % 5) + 1,
      raterId: `rater-${n % 10_000}-${n}`,
      source: 'web',
      tags: ['late'],
      comment: 'bench',
      createdAt: now,
    };
  });
  return JSON.stringify({ siteKey: site.siteKey, sentAt: now, ratings });
}

interface Row {
  store: string;
  batch: number;
  reqPerSec: number;
  ratingsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

async function run(name: string, store: Store): Promise<Row[]> {
  const collector = createCollector({ store, sites: [site], logger: silentLogger });
  const server = createServer(toNodeListener(collector));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/ratings`;
  const rows: Row[] = [];
  for (const batch of [1, 50]) {
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req: Record<string, unknown>) => ({ ...req, body: body(batch) }),
        },
      ],
    });
    rows.push({
      store: name,
      batch,
      reqPerSec: Math.round(result.requests.average),
      ratingsPerSec: Math.round(result.requests.average * batch),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors,
    });
  }
  await new Promise<void>((r) => server.close(() => r()));
  await collector.close();
  return rows;
}

const rows: Row[] = [];
const lite = await pgliteStore();
rows.push(...(await run('pglite (memory)', lite)));
await lite.close();

if (databaseUrl) {
  const schema = `raaye_bench_${Math.random().toString(36).slice(2, 8)}`;
  const pg = await postgresStore(databaseUrl, { schema });
  rows.push(...(await run('postgres', pg)));
  await pg.close();
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql.unsafe(`DROP SCHEMA ${schema} CASCADE`);
  await sql.end();
} else {
  console.log('PostgreSQL skipped: set RAAYE_BENCH_DATABASE_URL (or RAAYE_TEST_DATABASE_URL).');
}

console.log(`\ningest, ${seconds} s per run, ${connections} connections, 127.0.0.1\n`);
console.table(
  rows.map((r) => ({
    store: r.store,
    batch: r.batch,
    'req/s': r.reqPerSec,
    'ratings/s': r.ratingsPerSec,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    'non-2xx/errors': r.errors,
  })),
);
