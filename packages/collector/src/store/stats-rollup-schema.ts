/**
 * Daily counts per (site, UTC day, scale, interaction type, score), kept by triggers in the same
 * transaction as every insert, delete or re-scoring of a rating, so `/v1/stats` reads O(days)
 * rows instead of scanning every rating (550–890 ms at 10⁶ ratings before).
 *
 * `slot` shards each counter by database backend: concurrent ingest connections update
 * different rows instead of queueing on one hot counter row until the other commits. Readers sum
 * the slots; slot 0 is the fold's (stats-fold.ts), writers use 1–15 since version 64. Upserts go in key order so two writers that do share a slot cannot deadlock.
 *
 * Statement-level triggers with transition tables aggregate a whole batch into one upsert;
 * updates use a row trigger because PostgreSQL forbids transition tables on column-list
 * triggers, and only the rare change of a counted column should pay for it; its old and new keys
 * are summed first, since a change within one day maps both to the same counter.
 *
 * No semicolon ends a line inside a function body: the migration runner splits statements on
 * `;` + newline.
 */
export const STATS_ROLLUP_SQL = `
CREATE TABLE raaye_stats_daily (
  site_id text NOT NULL,
  day date NOT NULL,
  scale text NOT NULL,
  interaction_type text NOT NULL,
  score smallint NOT NULL,
  slot smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (site_id, day, scale, interaction_type, score, slot)
);

${rollupFunctions('CREATE', '(pg_backend_pid() % 16)::smallint')}
CREATE TRIGGER raaye_stats_on_insert AFTER INSERT ON raaye_ratings
  REFERENCING NEW TABLE AS raaye_new_rows FOR EACH STATEMENT EXECUTE FUNCTION raaye_stats_inserted();

CREATE TRIGGER raaye_stats_on_delete AFTER DELETE ON raaye_ratings
  REFERENCING OLD TABLE AS raaye_old_rows FOR EACH STATEMENT EXECUTE FUNCTION raaye_stats_deleted();

CREATE TRIGGER raaye_stats_on_rescore AFTER UPDATE OF site_id, event_time, scale, interaction_type, score
  ON raaye_ratings FOR EACH ROW
  WHEN ((OLD.site_id, OLD.event_time, OLD.scale, OLD.interaction_type, OLD.score)
    IS DISTINCT FROM (NEW.site_id, NEW.event_time, NEW.scale, NEW.interaction_type, NEW.score))
  EXECUTE FUNCTION raaye_stats_rescored();

-- Ratings stored before this migration.
INSERT INTO raaye_stats_daily (site_id, day, scale, interaction_type, score, slot, n)
SELECT site_id, (event_time AT TIME ZONE 'UTC')::date, scale, coalesce(interaction_type, ''), score, 0, count(*)
FROM raaye_ratings GROUP BY 1, 2, 3, 4, 5
`;

/**
 * The three trigger functions, writing each counter in slot `slot` (an SQL expression). Version 60
 * wrote `pg_backend_pid() % 16`, which could be 0, the fold's own slot; version 64 replaces them
 * with `ROLLUP_SLOT` (see there).
 */
function rollupFunctions(create: string, slot: string): string {
  return `
${create} FUNCTION raaye_stats_inserted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  INSERT INTO raaye_stats_daily AS s (site_id, day, scale, interaction_type, score, slot, n)
  SELECT site_id, (event_time AT TIME ZONE 'UTC')::date, scale, coalesce(interaction_type, ''),
    score, ${slot}, count(*)
  FROM raaye_new_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (site_id, day, scale, interaction_type, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n; RETURN NULL; END $$;

${create} FUNCTION raaye_stats_deleted() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  INSERT INTO raaye_stats_daily AS s (site_id, day, scale, interaction_type, score, slot, n)
  SELECT site_id, (event_time AT TIME ZONE 'UTC')::date, scale, coalesce(interaction_type, ''),
    score, ${slot}, -count(*)
  FROM raaye_old_rows GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (site_id, day, scale, interaction_type, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n; RETURN NULL; END $$;

${create} FUNCTION raaye_stats_rescored() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
  INSERT INTO raaye_stats_daily AS s (site_id, day, scale, interaction_type, score, slot, n)
  SELECT k.site_id, k.day, k.scale, k.interaction_type, k.score, ${slot}, sum(k.n)
  FROM (VALUES
    (OLD.site_id, (OLD.event_time AT TIME ZONE 'UTC')::date, OLD.scale, coalesce(OLD.interaction_type, ''), OLD.score, -1),
    (NEW.site_id, (NEW.event_time AT TIME ZONE 'UTC')::date, NEW.scale, coalesce(NEW.interaction_type, ''), NEW.score, 1)
  ) AS k (site_id, day, scale, interaction_type, score, n) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (site_id, day, scale, interaction_type, score, slot) DO UPDATE SET n = s.n + EXCLUDED.n; RETURN NULL; END $$;
`;
}

/**
 * The slot of the writing connection: 1–15, never 0. Slot 0 belongs to the fold (stats-fold.ts):
 * a writer that shared it could lock two slot-0 counters across two statements of one transaction
 * (a displacement then an insert, on two closed days) in the order opposite to the fold's upserts,
 * and one of them would abort with a deadlock. PGlite has one backend (pid 42): slot 13.
 */
const ROLLUP_SLOT = '(pg_backend_pid() % 15 + 1)::smallint';

/** Migration 64: the trigger functions again, writing `ROLLUP_SLOT`; stored rows stay valid (readers sum every slot). */
export const STATS_SLOT_SQL = rollupFunctions('CREATE OR REPLACE', ROLLUP_SLOT);
