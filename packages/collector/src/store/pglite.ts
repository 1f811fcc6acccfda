import { analyzeJob } from './auto-analyze';
import { lockDataDir } from './dir-lock';
import { compactionJob } from './erase-compaction';
import { openPgliteThread } from './pglite-thread';
import type { SqlClient } from './sql-client';
import { sqlStore } from './sql-store';
import type { Store } from './types';

/** PGlite on `dir` in its own thread (pglite-thread.ts), holding the directory's lock until closed. */
async function openLocked(dir: string | undefined): Promise<SqlClient> {
  const unlock = dir === undefined ? async () => {} : await lockDataDir(dir);
  let db: SqlClient;
  try {
    db = await openPgliteThread(dir);
  } catch (error) {
    await unlock();
    throw error;
  }
  return {
    ...db,
    async close() {
      try {
        await db.close();
      } finally {
        await unlock();
      }
    },
  };
}

/**
 * @internal The raw client on a PGlite directory, holding its lock until closed; for tools that
 * read every table (`raaye-collector migrate`). Migrated to the current schema first.
 */
export async function openPgliteClient(dir: string): Promise<SqlClient> {
  const db = await openLocked(dir);
  try {
    await sqlStore(db).migrate();
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in `dir`, or in memory when `dir` is undefined.
 * Zero setup. One process at a time may open a directory (a pid file enforces it). Migrates
 * before resolving. PGlite runs in a worker thread, so its queries never block the event loop.
 */
export async function pgliteStore(dir?: string): Promise<Store> {
  const db = await openLocked(dir);
  try {
    const compaction = compactionJob(db);
    const analyze = analyzeJob(db);
    const close = async () => {
      await analyze.close();
      await compaction.close();
      await db.close();
    };
    const store = sqlStore(db, close, { compaction, analyze });
    await store.migrate();
    analyze.start();
    // Also compacts what an erasure left owed when the last process died before compacting.
    compaction.start();
    return store;
  } catch (error) {
    await db.close();
    throw error;
  }
}
