import postgres from 'postgres';
import type { SqlClient } from './sql-client';
import { sqlStore } from './sql-store';
import type { Store } from './types';

export interface PostgresStoreOptions {
  /** Schema for the tables (created if missing); default the connection's search_path. */
  schema?: string;
  /** Pool size. @default 10 */
  max?: number;
  /**
   * Use named prepared statements: each distinct query is parsed and planned once per
   * connection instead of on every call (one round trip and a plan fewer per ingest batch).
   * Turn off behind a transaction-mode pooler older than PgBouncer 1.21, which cannot route a
   * prepared statement back to the connection that prepared it; `?pgbouncer=true` on the URL
   * (Prisma's convention) does the same.
   * @default true
   */
  prepare?: boolean;
}

type Sql = postgres.Sql | postgres.TransactionSql;

function client(sql: Sql, prepare = false): SqlClient {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      // Only statements with parameters are prepared: the rest are migrations and one-offs.
      return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
        prepare: prepare && params.length > 0,
      })) as unknown as T[];
    },
    transaction(fn) {
      if (!('begin' in sql)) return fn(this);
      return sql.begin((tx) => fn(client(tx, prepare))) as Promise<never>;
    },
    async close() {
      if ('end' in sql) await sql.end({ timeout: 5 });
    },
  };
}

/**
 * @internal A raw client on a PostgreSQL database (one connection), migrated to the current
 * schema; for tools that write every table (`raaye-collector migrate`).
 */
export async function openPostgresClient(url: string): Promise<SqlClient> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sqlStore(client(sql)).migrate();
    return client(sql);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
}

/**
 * PostgreSQL (or any compatible engine: Neon, Citus, …) through a connection pool. Stateless
 * collectors can run side by side on one database. Migrates before resolving.
 */
export async function postgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new TypeError(`invalid schema name "${schema}"`);
  }
  const { url: plainUrl, pgbouncer } = withoutPgbouncerFlag(url);
  const sql = postgres(plainUrl, {
    max: options.max ?? 10,
    onnotice: () => {},
    ...(schema ? { connection: { search_path: schema } } : {}),
  });
  try {
    if (schema) await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    const store = sqlStore(client(sql, options.prepare ?? !pgbouncer));
    await store.migrate();
    return store;
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
}

/** Reads and removes `pgbouncer=true`, which PostgreSQL itself would refuse as an option. */
function withoutPgbouncerFlag(url: string): { url: string; pgbouncer: boolean } {
  if (!/[?&]pgbouncer=/.test(url)) return { url, pgbouncer: false };
  const parsed = new URL(url);
  const pgbouncer = parsed.searchParams.get('pgbouncer') === 'true';
  parsed.searchParams.delete('pgbouncer');
  return { url: parsed.href, pgbouncer };
}
