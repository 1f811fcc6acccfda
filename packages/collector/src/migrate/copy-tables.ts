import type { SqlClient } from '../store/sql-client';

/** Progress of one table, reported after every committed batch. */
export interface CopyProgress {
  table: string;
  /** Rows of this table now in the target (this run and earlier, interrupted runs). */
  copied: number;
  /** Rows of this table in the source. */
  total: number;
}

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface CopyOptions {
  /** Names the source in the progress table, so a re-run resumes where this one stopped. */
  sourceId: string;
  /** Rows per batch (one transaction each on the target). @default 1000 */
  batchSize?: number;
  onProgress?: (progress: CopyProgress) => void;
}

// Bookkeeping of this command, not data: never copied, kept in the target as a record.
const PROGRESS_TABLE = 'raaye_migrate_progress';
// Derived, not data: the target's own triggers build them from the ratings (and owed entries)
// as those are copied. Copying them too counted every rating twice in /v1/stats: the trigger's
// counter row and the source's, in another slot, were both kept.
const DERIVED = ['raaye_stats_daily'];
const SKIPPED = new Set(['raaye_migrations', PROGRESS_TABLE, ...DERIVED]);

/**
 * Copies every `raaye_*` table from `source` into `target` (both already migrated to the same
 * schema version). Generic over the schema on purpose: tables added by later migrations
 * (outbox, members, links, …) are copied without this file knowing them.
 *
 * - Idempotent: rows go in with `ON CONFLICT DO NOTHING`, so a second run adds nothing.
 * - Resumable: each batch and the last key it reached commit in one transaction on the target;
 *   an interrupted run continues after that key.
 * - Exact types: rows travel as `row_to_json` and come back through `jsonb_populate_recordset`
 *   of the target's own row type, so timestamps, jsonb and bigints keep their values.
 * Tables are copied parents first (foreign keys), then sequences are moved past the copied ids.
 */
export async function copyTables(
  source: SqlClient,
  target: SqlClient,
  options: CopyOptions,
): Promise<TableCount[]> {
  const batchSize = options.batchSize ?? 1000;
  await target.query(
    `CREATE TABLE IF NOT EXISTS ${PROGRESS_TABLE} (source text NOT NULL, table_name text NOT NULL,
       last_key text NOT NULL, copied bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (source, table_name))`,
  );
  const tables = await orderedTables(source);
  const targetTables = new Set(await tableNames(target));
  const missing = tables.filter((t) => !targetTables.has(t));
  if (missing.length > 0) {
    throw new Error(
      `the target has no table ${missing.join(', ')}: migrate it with the same collector version first`,
    );
  }
  for (const table of tables) await copyTable(source, target, table, batchSize, options);
  await advanceSequences(target);
  const counts: TableCount[] = [];
  for (const table of tables) {
    counts.push({ table, source: await count(source, table), target: await count(target, table) });
  }
  return counts;
}

async function copyTable(
  source: SqlClient,
  target: SqlClient,
  table: string,
  batchSize: number,
  options: CopyOptions,
): Promise<void> {
  const key = await primaryKey(source, table);
  const columns = await insertableColumns(target, table);
  const total = await count(source, table);
  const [progress] = await target.query<{ last_key: string; copied: string }>(
    `SELECT last_key, copied::text AS copied FROM ${PROGRESS_TABLE} WHERE source = $1 AND table_name = $2`,
    [options.sourceId, table],
  );
  let lastKey: string | null = progress?.last_key ?? null;
  let copied = Number(progress?.copied ?? 0);
  const keyList = key.map(quote).join(', ');
  const columnList = columns.map(quote).join(', ');
  for (;;) {
    // Keyset pagination on the primary key: stable and O(batch) however large the table.
    const after = lastKey
      ? `WHERE (${keyList}) > (SELECT ${keyList} FROM jsonb_populate_record(NULL::${quote(table)}, $2::text::jsonb))`
      : '';
    const rows = await source.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM ${quote(table)} t ${after} ORDER BY ${keyList} LIMIT $1::int`,
      lastKey ? [batchSize, lastKey] : [batchSize],
    );
    if (rows.length === 0) break;
    const batch = `[${rows.map((r) => r.row).join(',')}]`;
    const last = rows[rows.length - 1]!.row;
    copied += rows.length;
    await target.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ${quote(table)} (${columnList}) OVERRIDING SYSTEM VALUE
         SELECT ${columnList} FROM jsonb_populate_recordset(NULL::${quote(table)}, $1::text::jsonb)
         ON CONFLICT DO NOTHING`,
        [batch],
      );
      await tx.query(
        `INSERT INTO ${PROGRESS_TABLE} (source, table_name, last_key, copied) VALUES ($1, $2, $3, $4::bigint)
         ON CONFLICT (source, table_name) DO UPDATE SET last_key = EXCLUDED.last_key,
           copied = EXCLUDED.copied, updated_at = now()`,
        [options.sourceId, table, last, copied],
      );
    });
    lastKey = last;
    options.onProgress?.({ table, copied, total });
    if (rows.length < batchSize) break;
  }
  options.onProgress?.({ table, copied, total });
}

async function tableNames(db: SqlClient): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND c.relname LIKE 'raaye\\_%'
     ORDER BY c.relname`,
  );
  return rows.map((r) => r.name).filter((name) => !SKIPPED.has(name));
}

/** Tables in an order where every foreign key's parent comes before its child. */
async function orderedTables(db: SqlClient): Promise<string[]> {
  const names = await tableNames(db);
  const edges = await db.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const e of edges) if (e.child === name && e.parent !== name) visit(e.parent);
    ordered.push(name);
  };
  for (const name of names) visit(name);
  return ordered.filter((name) => names.includes(name));
}

async function primaryKey(db: SqlClient, table: string): Promise<string[]> {
  const rows = await db.query<{ column: string }>(
    `SELECT a.attname AS column FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
     WHERE i.indrelid = $1::regclass AND i.indisprimary
     ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
  if (rows.length === 0) {
    throw new Error(`table ${table} has no primary key; cannot copy it resumably`);
  }
  return rows.map((r) => r.column);
}

/** Every stored column of the target table (generated columns compute themselves). */
async function insertableColumns(db: SqlClient, table: string): Promise<string[]> {
  const rows = await db.query<{ column: string }>(
    `SELECT attname AS column FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
     ORDER BY attnum`,
    [table],
  );
  return rows.map((r) => r.column);
}

/** Moves serial/identity sequences past the copied ids, so new rows do not collide. */
async function advanceSequences(db: SqlClient): Promise<void> {
  const columns = await db.query<{ table: string; column: string }>(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name LIKE 'raaye\\_%'
       AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  );
  for (const { table, column } of columns) {
    await db.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${quote(column)}) FROM ${quote(table)}), 1))`,
      [table, column],
    );
  }
}

async function count(db: SqlClient, table: string): Promise<number> {
  const [row] = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quote(table)}`);
  return Number(row?.n ?? 0);
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
