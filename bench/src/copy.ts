/**
 * The raw-PostgreSQL ceiling for ingest: COPY into the collector's own table (same columns,
 * constraints, indexes and stats-rollup triggers, created by the collector's migrations), rows
 * shaped like the bench envelope's ratings. On PostgreSQL through `psql \copy` (its own timing,
 * so psql's start-up is not counted); on PGlite (in memory, as the collector's PGlite bench runs)
 * through `COPY … FROM '/dev/blob'`. Issue 16 goal 2: the collector at batch 50 ≥ 0.8× this.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresStore } from '@raaye/collector';
import { MIGRATIONS } from '../../packages/collector/src/store/schema';

const COLUMNS =
  'site_id, id, interaction_id, interaction_type, scale, score, tags, comment, rater_id, source, device_created_at, sent_at, received_at, event_time, low';

let n = 0;
function csv(rows: number): string {
  const now = new Date().toISOString();
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    n++;
    const hex = crypto.randomUUID().replaceAll('-', '');
    const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
    const score = (n % 5) + 1;
    lines.push(
      `bench,${id},order-copy-${n},delivery,stars5,${score},"[""late""]",bench,rater-${n},web,${now},${now},${now},${now},${score <= 2}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Rows per second of one COPY of `rows` rows on PostgreSQL. */
export async function copyPostgres(url: string, rows: number): Promise<number> {
  const schema = `raaye_copy_${Math.random().toString(36).slice(2, 8)}`;
  const store = await postgresStore(url, { schema, max: 1 });
  await store.close();
  const dir = mkdtempSync(join(tmpdir(), 'raaye-bench-copy-'));
  const file = join(dir, 'rows.csv');
  writeFileSync(file, csv(rows));
  try {
    const out = execFileSync(
      'psql',
      [
        url,
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `SET search_path = ${schema}; SET client_min_messages = warning`,
        '-c',
        '\\timing on',
        '-c',
        `\\copy raaye_ratings (${COLUMNS}) FROM '${file}' WITH (FORMAT csv)`,
        '-c',
        `DROP SCHEMA ${schema} CASCADE`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // The first timing is the \\copy's (the DROP's comes after).
    const copyMs = Number((/Time: ([\d.]+) ms/.exec(out) ?? [])[1]);
    return rows / (copyMs / 1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Rows per second of one COPY of `rows` rows into an in-memory PGlite. */
export async function copyPglite(rows: number): Promise<number> {
  const require = createRequire(new URL('../../packages/collector/package.json', import.meta.url));
  const { PGlite } = (await import(require.resolve('@electric-sql/pglite'))) as {
    PGlite: new () => {
      exec(sql: string): Promise<unknown>;
      query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
      close(): Promise<void>;
    };
  };
  const db = new PGlite();
  try {
    for (const m of MIGRATIONS) await db.exec(m.sql);
    const blob = new Blob([csv(rows)]);
    const started = performance.now();
    await db.query(`COPY raaye_ratings (${COLUMNS}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob,
    });
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await db.close();
  }
}
