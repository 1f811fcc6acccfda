import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CopyProgress, copyTables, type TableCount } from '../migrate/copy-tables';
import { openPgliteClient } from '../store/pglite';
import { openPostgresClient } from '../store/postgres';
import type { SqlClient } from '../store/sql-client';

export const MIGRATE_USAGE = `Usage: raaye-collector migrate --database-url <url> [--data-dir <dir>]

Copies everything in a PGlite data directory (ratings, replies, owed entries, outbox, members, …)
into a PostgreSQL database, for moving from one process to several. Stop the collector first.
Safe to run again: it resumes where an interrupted run stopped and never copies a row twice.
Ends with a count check per table (exit 1 when the target has fewer rows than the source).

  --data-dir <dir>       PGlite data directory to read (default .raaye-data)
  --database-url <url>   PostgreSQL to write (env RAAYE_DATABASE_URL, DATABASE_URL)
  --batch-size <n>       rows per transaction (default 1000)`;

/** `raaye-collector migrate …`; resolves to the process exit code. */
export async function migrateCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  out: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'batch-size': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${MIGRATE_USAGE}\n`);
    return 0;
  }
  const url = values['database-url'] ?? env.RAAYE_DATABASE_URL ?? env.DATABASE_URL;
  if (!url) throw new TypeError('migrate needs --database-url (the PostgreSQL to copy into)');
  const batchText = values['batch-size'] ?? '1000';
  const batchSize = Number(batchText);
  if (!/^\d+$/.test(batchText) || batchSize < 1 || batchSize > 100_000) {
    throw new TypeError(`invalid --batch-size "${batchText}": use a whole number from 1 to 100000`);
  }
  const dir = resolve(values['data-dir'] ?? '.raaye-data');
  let source: SqlClient | undefined;
  let target: SqlClient | undefined;
  try {
    source = await openPgliteClient(dir);
    target = await openPostgresClient(url);
    const bar = progressBar(out);
    const counts = await copyTables(source, target, {
      sourceId: `pglite:${dir}`,
      batchSize,
      onProgress: bar,
    });
    out.write(`${summary(counts)}\n`);
    const short = counts.filter((c) => c.target < c.source);
    if (short.length > 0) {
      out.write(
        `count check FAILED for ${short.map((c) => c.table).join(', ')}: the target already held rows that conflict with the source's (same rater and interaction); inspect them before switching over\n`,
      );
      return 1;
    }
    out.write('count check passed: every table in the target has at least the source rows\n');
    return 0;
  } finally {
    await source?.close();
    await target?.close();
  }
}

// A dependency-free progress line: one package for a single status line is not worth its weight
// in a server install. On a TTY it redraws in place; in a log it prints every 10 %.
function progressBar(out: NodeJS.WriteStream): (p: CopyProgress) => void {
  let lastDecile = -1;
  let lastTable = '';
  return ({ table, copied, total }) => {
    const share = total === 0 ? 1 : Math.min(1, copied / total);
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round(share * width);
      out.write(
        `\r${table.padEnd(24)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${copied}/${total}`,
      );
      if (share === 1) out.write('\n');
      return;
    }
    const decile = Math.floor(share * 10);
    if (table !== lastTable) lastDecile = -1;
    lastTable = table;
    if (decile === lastDecile) return;
    lastDecile = decile;
    out.write(`${table}: ${copied}/${total} (${Math.round(share * 100)} %)\n`);
  };
}

function summary(counts: TableCount[]): string {
  const lines = counts.map(
    (c) =>
      `  ${c.table.padEnd(28)} source ${String(c.source).padStart(9)}  target ${String(c.target).padStart(9)}`,
  );
  return ['copied:', ...lines].join('\n');
}
