import type { SqlClient } from './sql-client';

/**
 * Tables a rater's erasure deletes from (directly or by cascade) that hold what they said:
 * comments, traits, meta, prompts, webhook payloads and delivery attempts, reply notes.
 */
const ERASED_TABLES = [
  'raaye_ratings',
  'raaye_owed',
  'raaye_events',
  'raaye_deliveries',
  'raaye_delivery_attempts',
  'raaye_followups',
  'raaye_activity',
];

/**
 * Makes a committed erasure unrecoverable from a PGlite data directory (issue 11). A DELETE only
 * marks tuples dead: their bytes stay in the heap page (plain VACUUM frees the slot but does not
 * overwrite it) and in the WAL that inserted them. So, after the DELETE commits:
 * - `VACUUM FULL` rewrites each table into a new file without the dead tuples; the old file is
 *   truncated at commit;
 * - `pg_switch_wal()` then `CHECKPOINT` with `wal_recycle = off` make every WAL segment that
 *   held the rows (their inserts, and full-page images written by the DELETE) older than the
 *   checkpoint's redo point, and *removes* them instead of renaming them for reuse — a recycled
 *   segment keeps its old bytes until overwritten (measured: the marker survives with recycling).
 * VACUUM cannot run in a transaction, so these are separate statements. Cost: a rewrite of the
 * touched tables — about 0.85 s at 1,000 rows and 1.9 s at 100,000 rows (~25 MB) on a loaded
 * 2-core box; concurrent erasures share one run (see `coalesced`).
 * Not used for PostgreSQL: there the operator owns VACUUM, WAL retention, replicas and backups
 * (docs/security.md).
 */
export async function compactAfterErase(db: SqlClient): Promise<void> {
  await db.query('SET wal_recycle = off');
  await db.query(`VACUUM FULL ${ERASED_TABLES.join(', ')}`);
  await db.query('SELECT pg_switch_wal()');
  await db.query('CHECKPOINT');
}

/**
 * `run` at most once at a time; calls made while it runs share one more run after it (their
 * deletes may have committed after the running one started), so a burst of erasures costs two
 * rewrites, not one per erasure.
 */
export function coalesced(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    const p = run().finally(() => {
      if (running === p) running = undefined;
    });
    running = p;
    return p;
  };
  return () => {
    if (queued) return queued;
    if (!running) return start();
    const next = running
      .catch(() => {})
      .then(() => {
        queued = undefined;
        return start();
      });
    queued = next;
    return next;
  };
}
