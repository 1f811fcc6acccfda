import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient } from './sql-client';
import { sqlStore } from './sql-store';
import type { Store } from './types';

function client(db: PGlite | Transaction): SqlClient {
  return {
    async query<T>(text: string, params: unknown[] = []) {
      return (await db.query<T>(text, params)).rows;
    },
    transaction(fn) {
      if (!(db instanceof PGlite)) return fn(this);
      return db.transaction((tx) => fn(client(tx)));
    },
    async close() {
      if (db instanceof PGlite) await db.close();
    },
  };
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in `dir`, or in memory when `dir` is undefined.
 * Zero setup; one process at a time may open a directory. Migrates before resolving.
 */
export async function pgliteStore(dir?: string): Promise<Store> {
  const db = await PGlite.create(dir);
  const store = sqlStore(client(db));
  try {
    await store.migrate();
  } catch (error) {
    await db.close();
    throw error;
  }
  return store;
}
