/**
 * Collector ingest vs a hand-written Express + pg endpoint. Our figures come from the collector's
 * own bench (packages/collector/bench/ingest.bench.ts, run as is: PGlite and PostgreSQL, batches of
 * 1 and 50); the baseline is loaded the same way (same envelope, connections and duration).
 * Rounds alternate us / baseline. Then the scaling curve: 1, 2 and 4 collector CLI processes on
 * one PostgreSQL, loaded together.
 */
import { spawn } from 'node:child_process';
import { startCollectorCli } from './collector';
import { type Load, load } from './load';
import { sleep } from './stats';

const root = new URL('../..', import.meta.url).pathname;

export interface IngestRow extends Load {
  system: string;
  store: string;
  batch: number;
  round: number;
}

const num = (s: string | undefined) => Number((s ?? '').trim());

/** The store label of runs through PgBouncer (transaction mode). */
export const PGBOUNCER = 'PostgreSQL via PgBouncer';

/** Runs the collector's bench and reads its console.table. */
export function collectorBench(
  databaseUrl: string | undefined,
  seconds: number,
  connections: number,
  round: number,
  bouncerUrl?: string,
): Promise<IngestRow[]> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      RAAYE_BENCH_SECONDS: String(seconds),
      RAAYE_BENCH_CONNECTIONS: String(connections),
    };
    delete env.RAAYE_TEST_DATABASE_URL;
    if (databaseUrl) env.RAAYE_BENCH_DATABASE_URL = databaseUrl;
    else delete env.RAAYE_BENCH_DATABASE_URL;
    if (bouncerUrl) env.RAAYE_BENCH_PGBOUNCER_URL = `${bouncerUrl}?pgbouncer=true`;
    else delete env.RAAYE_BENCH_PGBOUNCER_URL;
    const child = spawn(
      process.execPath,
      ['--conditions=@raaye/source', '--import', 'tsx', 'bench/ingest.bench.ts'],
      { cwd: `${root}packages/collector`, env, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.once('error', reject);
    child.once('exit', () => {
      const rows: IngestRow[] = [];
      for (const line of out.split('\n')) {
        // │ (index) │ store │ batch │ req/s │ ratings/s │ p50 ms │ p99 ms │ non-2xx/errors │
        const cells = line.split('│').slice(2, -1);
        if (cells.length !== 7 || !/^\s*\d+\s*$/.test(cells[1] ?? '')) continue;
        const store = (cells[0] ?? '').trim().replaceAll("'", '');
        rows.push({
          system: 'Raaye collector',
          store: store.startsWith('pglite')
            ? 'PGlite (memory)'
            : store.startsWith('pgbouncer')
              ? PGBOUNCER
              : 'PostgreSQL',
          batch: num(cells[1]),
          reqPerSec: num(cells[2]),
          ratingsPerSec: num(cells[3]),
          p50: num(cells[4]),
          p99: num(cells[5]),
          errors: num(cells[6]),
          round,
        });
      }
      resolve(rows);
    });
  });
}

/** Starts the Express + pg baseline in its own process. */
function startExpress(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./express-server.ts', import.meta.url).pathname, databaseUrl],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /READY (\S+)/.exec(out);
      if (match)
        resolve({
          url: `${match[1]}/v1/ratings`,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`express baseline exited ${code}`)));
  });
}

export async function expressBench(
  databaseUrl: string,
  seconds: number,
  connections: number,
  round: number,
  store = 'PostgreSQL',
): Promise<IngestRow[]> {
  const server = await startExpress(databaseUrl);
  const rows: IngestRow[] = [];
  try {
    for (const batch of [1, 50]) {
      const result = await load([server.url], batch, seconds, connections);
      rows.push({
        system: 'Express + pg (hand-written)',
        store,
        batch,
        round,
        ...result,
      });
    }
  } finally {
    await server.stop();
  }
  return rows;
}

export interface ScaleRow extends Load {
  processes: number;
  batch: number;
}

export async function scaling(
  databaseUrl: string,
  seconds: number,
  connections: number,
): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  for (const processes of [1, 2, 4]) {
    // Started one after another: the first one creates the schema.
    const clis = [];
    try {
      for (let i = 0; i < processes; i++) {
        clis.push(await startCollectorCli({ origins: ['*'], databaseUrl }));
      }
      await sleep(500);
      for (const batch of [1, 50]) {
        const urls = clis.map((c) => `${c.url}/v1/ratings`);
        rows.push({ processes, batch, ...(await load(urls, batch, seconds, connections)) });
      }
    } finally {
      await Promise.all(clis.map((c) => c.stop()));
    }
  }
  return rows;
}
