import type { SqlClient } from './sql-client';

/**
 * Folds the rollup's per-connection slots of closed UTC days into slot 0, keeping every sum.
 *
 * Ingest writes each counter in the slot of its database connection (1–15, see
 * stats-rollup-schema.ts) so concurrent connections do not queue on one row; a day that no
 * longer takes new ratings then holds up to 15 rows per (day, scale, type, score) that every
 * `/v1/stats` sums again. Folding leaves one row per counter, so a stats read costs
 * O(days × scales × types × scores) rows, whatever the pool size was.
 *
 * Safe against concurrent inserts (late ratings still land on closed days) and other folds:
 * - writers never use slot 0 (stats-rollup-schema.ts, ROLLUP_SLOT), so the upsert into slot 0
 *   can only wait for another fold, never for a writer;
 * - counters a writer holds (its transaction is still open) are skipped (`SKIP LOCKED`) and
 *   folded next time: a transaction that wrote one day's counter and then another's, in two
 *   statements, may hold them in the order opposite to this one; waiting for it here while
 *   holding the other would be a lock cycle, one side aborted with 40P01. So the fold waits for
 *   nobody but other folds, which lock slot 0 in key order, as it does;
 * - a row updated since the statement's snapshot is locked, deleted and returned in its latest
 *   version (READ COMMITTED re-checks it), so its count moves whole; a row another fold locked
 *   or deleted first is skipped; a row inserted after the snapshot waits for the next fold;
 * - the upsert into slot 0 adds to what is there.
 * Counters that sum to zero (every rating of them erased) are then removed.
 */
const FOLD_SLOTS = `
WITH locked AS (
  SELECT site_id, day, scale, interaction_type, score, slot FROM raaye_stats_daily
  WHERE slot <> 0 AND day < $1::date
  ORDER BY site_id, day, scale, interaction_type, score, slot
  FOR UPDATE SKIP LOCKED
), moved AS (
  DELETE FROM raaye_stats_daily d USING locked l
  WHERE d.site_id = l.site_id AND d.day = l.day AND d.scale = l.scale
    AND d.interaction_type = l.interaction_type AND d.score = l.score AND d.slot = l.slot
  RETURNING d.site_id, d.day, d.scale, d.interaction_type, d.score, d.n
)
INSERT INTO raaye_stats_daily AS s (site_id, day, scale, interaction_type, score, slot, n)
SELECT site_id, day, scale, interaction_type, score, 0, sum(n)
FROM moved GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
ON CONFLICT (site_id, day, scale, interaction_type, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n`;

// A concurrent upsert re-checks `n = 0` on the row's latest version before it is deleted.
const DROP_ZEROS = 'DELETE FROM raaye_stats_daily WHERE slot = 0 AND n = 0 AND day < $1::date';

/** @internal Folds every day before `today` (`YYYY-MM-DD`, UTC). */
export async function foldStats(db: SqlClient, today: string): Promise<void> {
  await db.query(FOLD_SLOTS, [today]);
  await db.query(DROP_ZEROS, [today]);
}

/** How often a process folds at most; with nothing to fold, a fold reads one empty index range. */
const FOLD_EVERY_MS = 10_000;

/**
 * Runs `foldStats` after a stats read when the last fold of this process is older than
 * `FOLD_EVERY_MS`, one at a time, in the background: the read that triggers it is not slowed,
 * and a collector nobody reads stats from does no folding (reads stay correct unfolded, only
 * slower). Several processes may fold at once; see FOLD_SLOTS.
 */
export function statsFolder(db: SqlClient, now: () => number = Date.now) {
  let last = Number.NEGATIVE_INFINITY;
  let running: Promise<void> | undefined;
  return {
    afterRead(): void {
      const at = now();
      if (running || at - last < FOLD_EVERY_MS) return;
      last = at;
      running = foldStats(db, new Date(at).toISOString().slice(0, 10))
        // A failed fold changes nothing (one statement); the next read after the interval retries.
        .catch(() => {})
        .finally(() => {
          running = undefined;
        });
    },
    /** Waits for a fold in flight (before the store closes). */
    settled: (): Promise<void> => running ?? Promise.resolve(),
  };
}
