/**
 * Ingest throughput and latency over real HTTP on 127.0.0.1 (autocannon), against PGlite and,
 * when RAAYE_BENCH_DATABASE_URL or RAAYE_TEST_DATABASE_URL is set, PostgreSQL. Batches of 1 and
 * 50 ratings, each with fresh ids so every rating is a real insert. Prints figures, asserts none.
 * `RAAYE_BENCH_PGBOUNCER_URL` adds a run through PgBouncer. `RAAYE_BENCH_SECONDS` (default 5) and `RAAYE_BENCH_CONNECTIONS` (default 10) tune the run.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error autocannon ships no types; only the documented promise API is used here.
import autocannon from 'autocannon';
import { benchEnvelope } from './envelope';

const seconds = Number(process.env.RAAYE_BENCH_SECONDS ?? 5);
const connections = Number(process.env.RAAYE_BENCH_CONNECTIONS ?? 10);
const databaseUrl = process.env.RAAYE_BENCH_DATABASE_URL ?? process.env.RAAYE_TEST_DATABASE_URL;

const siteKey = 'pk_bench';

const body = (batch: number) => benchEnvelope(siteKey, batch);

interface Row {
  store: string;
  batch: number;
  reqPerSec: number;
  ratingsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Starts bench/serve.ts in its own process; resolves its URL and a stop function. */
function startServer(store: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--conditions=@raaye/source', '--import', 'tsx', join(here, 'serve.ts')],
    { env: { ...process.env, RAAYE_BENCH_STORE: store }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\S+)/.exec(out);
      if (match) {
        resolve({
          url: `${match[1]}/v1/ratings`,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
  });
}

async function run(name: string, store: string): Promise<Row[]> {
  const { url, stop } = await startServer(store);
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
  await stop();
  return rows;
}

const rows: Row[] = [];
rows.push(...(await run('pglite (memory)', 'pglite')));
if (databaseUrl) rows.push(...(await run('postgres', databaseUrl)));
// The same PostgreSQL behind PgBouncer in transaction mode (`?pgbouncer=true`: unprepared).
const bouncerUrl = process.env.RAAYE_BENCH_PGBOUNCER_URL;
if (bouncerUrl) rows.push(...(await run('pgbouncer', bouncerUrl)));
else console.log('PostgreSQL skipped: set RAAYE_BENCH_DATABASE_URL (or RAAYE_TEST_DATABASE_URL).');

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
