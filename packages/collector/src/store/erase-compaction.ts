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
 * 2-core box; it runs in the background (`compactionJob`), not in the erasure's request.
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
function coalesced(run: () => Promise<void>): () => Promise<void> {
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

/**
 * In the erasure's transaction: a compaction is owed. The row commits with the DELETEs, so a
 * process that dies before compacting leaves it for the next start; `erasures` counts the
 * erasures since, so one that commits while a compaction runs keeps the row for another run.
 */
export async function oweCompaction(tx: SqlClient, at: string): Promise<void> {
  await tx.query(
    `INSERT INTO raaye_erase_compaction (id, erasures, since) VALUES (true, 1, $1::timestamptz)
     ON CONFLICT (id) DO UPDATE SET erasures = raaye_erase_compaction.erasures + 1`,
    [at],
  );
}

export interface CompactionJob {
  /** Call in the erasure's transaction, when it deleted anything. */
  owe(tx: SqlClient, at: string): Promise<void>;
  /** Compacts soon if one is owed; after the erasure commits. Never rejects. */
  kick(): Promise<void>;
  /** Stops the timer and waits for a compaction under way (an owed one waits for the next start). */
  close(): Promise<void>;
}

/**
 * Runs owed compactions in the background, so an erasure answers in milliseconds instead of
 * waiting for a rewrite of every table it touched (seconds, and it grows with the data). At
 * start (a crash after an erasure committed), after each erasure, and every `intervalMs` (a run
 * that failed leaves the row and is tried again). The row goes only once a run that began after
 * its last erasure has finished, so "erased text is in no file" holds once it is gone.
 */
export function compactionJob(
  db: SqlClient,
  options: { intervalMs?: number; compact?: (db: SqlClient) => Promise<void> } = {},
): CompactionJob & { start(): void } {
  const compact = options.compact ?? compactAfterErase;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const run = coalesced(async () => {
    if (closed) return;
    const [owed] = await db.query<{ erasures: string }>(
      'SELECT erasures::text AS erasures FROM raaye_erase_compaction',
    );
    if (!owed) return;
    await compact(db);
    await db.query('DELETE FROM raaye_erase_compaction WHERE erasures = $1::bigint', [
      owed.erasures,
    ]);
  });
  let last: Promise<void> = Promise.resolve();
  // A failure leaves the row: the timer (or the next start) tries again.
  const kick = () => (last = run().catch(() => {}));
  return {
    owe: oweCompaction,
    kick,
    start() {
      void kick();
      timer = setInterval(() => void kick(), options.intervalMs ?? 60_000);
      timer.unref();
    },
    async close() {
      closed = true;
      clearInterval(timer);
      await last;
    },
  };
}
