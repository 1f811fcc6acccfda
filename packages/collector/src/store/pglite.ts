import { PGlite, type Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './dir-lock';
import { compactAfterErase } from './erase-compaction';
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
 * @internal The raw client on a PGlite directory, holding its lock until closed; for tools that
 * read every table (`raaye-collector migrate`). Migrated to the current schema first.
 */
export async function openPgliteClient(dir: string): Promise<SqlClient> {
  const unlock = await lockDataDir(dir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dir);
    const opened = db;
    await sqlStore(client(opened)).migrate();
    return {
      ...client(opened),
      async close() {
        await opened.close();
        await unlock();
      },
    };
  } catch (error) {
    await db?.close();
    await unlock();
    throw error;
  }
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in `dir`, or in memory when `dir` is undefined.
 * Zero setup. One process at a time may open a directory (a pid file enforces it). Migrates
 * before resolving.
 */
export async function pgliteStore(dir?: string): Promise<Store> {
  const unlock = dir === undefined ? async () => {} : await lockDataDir(dir);
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dir);
    const opened = db;
    const store = sqlStore(
      client(opened),
      async () => {
        await opened.close();
        await unlock();
      },
      { afterErase: compactAfterErase },
    );
    await store.migrate();
    return store;
  } catch (error) {
    await db?.close();
    await unlock();
    throw error;
  }
}
