import type { SqlClient } from './sql-client';

/** The tables that grow with ratings, whose plans go stale as they do. */
const GROWING_TABLES = [
  'raaye_ratings',
  'raaye_followups',
  'raaye_activity',
  'raaye_events',
  'raaye_deliveries',
  'raaye_delivery_attempts',
  'raaye_owed',
  'raaye_stats_daily',
];

/** First analysis once this many ratings were written; below it any plan is cheap. */
const FIRST_AT = 500;
/** Then again once the ratings grew by this share since the last one (autovacuum uses 0.1). */
const GROWTH = 0.5;

export interface AnalyzeJob {
  /** Ratings just written (inserted or deleted): analyses once enough have been. Never rejects. */
  wrote(count: number): void;
  /** At open: analyses a directory whose tables were never analysed. */
  start(): void;
  close(): Promise<void>;
}

/**
 * ANALYZE for PGlite, which has no autovacuum. Without it two things go wrong as tables grow
 * (issue 16, measured in PGlite at 8,000 ratings): the planner has no statistics, and — worse —
 * a plan cached while a table was small stays cached. The foreign-key checks' plans are cached
 * per session (the first few checks plan with the values, then a generic plan is kept): made
 * when `raaye_ratings` had one page, it is a sequential scan, and every later check scans the
 * whole table (an inbox pass's follow-up insert 135 ms at 8,000 ratings, 8 ms after ANALYZE,
 * which also invalidates the cached plans of the analysed tables). So: analyse the tables that
 * grow with ratings after the first few hundred and then each time they grew by half, in the
 * background, one run at a time (a handful of runs per tenfold growth).
 */
export function analyzeJob(db: SqlClient): AnalyzeJob {
  let written = 0;
  let base = 0;
  let running: Promise<void> | undefined;
  let closed = false;

  const run = () => {
    if (running || closed) return;
    written = 0;
    running = (async () => {
      await db.query(`ANALYZE ${GROWING_TABLES.join(', ')}`);
      const [row] = await db.query<{ n: number }>(
        "SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'raaye_ratings'::regclass",
      );
      base = Math.max(0, Number(row?.n ?? 0));
    })()
      .catch(() => {})
      .finally(() => {
        running = undefined;
      });
  };

  return {
    wrote(count) {
      written += count;
      if (written >= Math.max(FIRST_AT, base * GROWTH)) run();
    },
    start() {
      running = (async () => {
        const [row] = await db.query<{ n: number }>(
          "SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'raaye_ratings'::regclass",
        );
        base = Math.max(0, Number(row?.n ?? 0));
        // Never analysed (-1): a new directory (cheap) or one written before this job existed.
        if (row && Number(row.n) < 0) written = FIRST_AT;
      })()
        .catch(() => {})
        .finally(() => {
          running = undefined;
          if (written >= FIRST_AT) run();
        });
    },
    async close() {
      closed = true;
      await running;
    },
  };
}
