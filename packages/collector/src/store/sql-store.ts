import { CollectorError, isCollectorError } from '../errors';
import { retractDisplaced } from '../outbox/displaced';
import { enqueueEvents } from '../outbox/enqueue';
import { outboxSql } from '../outbox/outbox-sql';
import { ratingEvents, replyEvent } from '../outbox/rating-events';
import type { AnalyzeJob } from './auto-analyze';
import { queryCoverage } from './coverage-sql';
import type { CompactionJob } from './erase-compaction';
import { filterSql } from './filter-sql';
import { groupCommit } from './group-commit';
import { ledgerMethods } from './owed-ledger-sql';
import { RATING_COLUMNS, type RatingRow, toStoredRating } from './row-mapping';
import { MIGRATION_LOCK_ID, MIGRATIONS } from './schema';
import type { SqlClient } from './sql-client';
import { statsFolder } from './stats-fold';
import { queryStats } from './stats-sql';
import { retryTransient } from './transient';
import type { NewRating, Store } from './types';

const BATCH = `batch AS (
  SELECT * FROM jsonb_to_recordset($2::text::jsonb) AS r(id uuid, "interactionId" text,
    "interactionType" text, scale text, score smallint, tags jsonb, comment text, "raterId" text,
    "userId" text, "userTraits" jsonb, meta jsonb, locale text, source text,
    "deviceCreatedAt" timestamptz, "sentAt" timestamptz, "receivedAt" timestamptz,
    "eventTime" timestamptz, "clockSuspect" boolean, low boolean, verified boolean, channel text)
)`;

// One statement per batch: the insert and the settling of debts run as data-modifying CTEs,
// so a batch is atomic without BEGIN/COMMIT round trips, and one JSON parameter carries every
// rating (same SQL for both drivers whatever the batch size). `::text::jsonb` because porsager
// would JSON-encode a string bound straight to a jsonb parameter.
// A verified rating settles the debt even when it is a duplicate: the rater did rate the
// interaction. An unverified one never does: anyone can send it (issue 11).
// Its outbox events ($4) are written only for ratings actually inserted, in the same statement.
// The debt records which channel answered first (the one ledger of issue 14).
const INSERT_RATINGS = `
WITH ${BATCH}, inserted AS (
  INSERT INTO raaye_ratings (site_id, id, interaction_id, interaction_type, scale, score, tags,
    comment, rater_id, user_id, user_traits, meta, locale, source, device_created_at, sent_at,
    received_at, event_time, clock_suspect, low, verified, channel)
  SELECT $1, id, "interactionId", "interactionType", scale, score, tags, comment, "raterId",
    "userId", "userTraits", meta, locale, source, "deviceCreatedAt", "sentAt", "receivedAt",
    "eventTime", "clockSuspect", low, verified, channel
  FROM batch
  -- A stable order: two overlapping batches in different orders would otherwise lock the same
  -- keys in opposite orders and deadlock on PostgreSQL.
  ORDER BY id
  ON CONFLICT DO NOTHING
  RETURNING id
), settled AS (
  UPDATE raaye_owed o SET settled_at = $3::timestamptz,
    settled_channel = coalesce(b.channel, 'unspecified'), rating_id = i.id
  FROM batch b LEFT JOIN inserted i ON i.id = b.id
  WHERE o.site_id = $1 AND o.rater_id = b."raterId" AND o.interaction_id = b."interactionId"
    AND o.settled_at IS NULL AND b.verified
  RETURNING 1
), events AS (
  INSERT INTO raaye_events (site_id, type, rater_id, user_id, subject_id, data, created_at)
  SELECT $1, e.type, e."raterId", e."userId", e."subjectId", e.data, $3::timestamptz
  FROM jsonb_to_recordset($4::text::jsonb)
    AS e(type text, "raterId" text, "userId" text, "subjectId" text, data jsonb)
  WHERE e."subjectId"::uuid IN (SELECT id FROM inserted)
  RETURNING 1
)
SELECT id::text AS id FROM inserted`;

// Unverified ratings holding the slot a verified rating of the batch claims. Each statement
// sees what is committed (READ COMMITTED), so one that raced in since is found on a retry.
// Returns them whole: their outbox events are retracted (outbox/displaced.ts).
const DISPLACE_UNVERIFIED = `
WITH ${BATCH}, gone AS (
  DELETE FROM raaye_ratings r USING batch b
  WHERE r.site_id = $1 AND b.verified AND NOT r.verified AND r.rater_id = b."raterId"
    AND r.interaction_id = b."interactionId" AND r.id <> b.id
  RETURNING r.*, b.id AS displaced_by
)
SELECT ${RATING_COLUMNS}, displaced_by::text AS displaced_by FROM gone`;

/**
 * The Store on any SqlClient; `pgliteStore` and `postgresStore` only supply the client.
 * Database failures surface as `unavailable` (503 + Retry-After): the SDK then retries later,
 * and the rating stays queued on the device meanwhile.
 */
export function sqlStore(
  client: SqlClient,
  onClose: () => Promise<void> = () => client.close(),
  options: {
    /** Compacts after erasures, in the background (PGlite: `compactionJob`). */
    compaction?: Pick<CompactionJob, 'owe' | 'kick'>;
    /** Told how many ratings each write changed (PGlite: `analyzeJob`, as it has no autovacuum). */
    analyze?: Pick<AnalyzeJob, 'wrote'>;
  } = {},
): Store {
  const db = guarded(client);
  const compaction = options.compaction;
  const wrote = (ids: Set<string>) => {
    options.analyze?.wrote(ids.size);
    return ids;
  };
  const folder = statsFolder(db);
  // Unverified ratings (nearly all of them) go through group commit: concurrent requests of a
  // site share one statement. `at` (settled_at, the events' created_at) is the first rating's
  // receive time; the requests of a group arrived in the same event-loop turn.
  const insertUnverified = groupCommit(async (siteId, { ratings, events }) => {
    const rows = await retryTransient(() =>
      db.query<{ id: string }>(INSERT_RATINGS, [
        siteId,
        JSON.stringify(ratings),
        ratings[0]!.receivedAt,
        JSON.stringify(events),
      ]),
    );
    return new Set(rows.map((r) => r.id));
  });
  return {
    ...ledgerMethods(db),
    coverage: (siteId, filter, now) => queryCoverage(db, siteId, filter, now),

    sql: db,
    async migrate() {
      await db.transaction(async (tx) => {
        await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_ID})`);
        await tx.query(
          `CREATE TABLE IF NOT EXISTS raaye_migrations (version int PRIMARY KEY, name text NOT NULL,
             applied_at timestamptz NOT NULL DEFAULT now())`,
        );
        const applied = await tx.query<{ version: number }>('SELECT version FROM raaye_migrations');
        const done = new Set(applied.map((r) => Number(r.version)));
        for (const m of MIGRATIONS) {
          if (done.has(m.version)) continue;
          for (const statement of splitStatements(m.sql)) await tx.query(statement);
          await tx.query('INSERT INTO raaye_migrations (version, name) VALUES ($1::int, $2)', [
            m.version,
            m.name,
          ]);
        }
      });
    },

    async insertRatings(siteId, ratings: NewRating[], events = new Set()) {
      if (ratings.length === 0) return new Set();
      const at = ratings[0]!.receivedAt;
      // Outbox events are written in the insert statement, only for ratings it inserted.
      const eventsOf = (list: NewRating[]) =>
        JSON.stringify(list.flatMap((r) => ratingEvents(siteId, r, events)));
      if (!ratings.some((r) => r.verified)) {
        // A single statement is atomic, and it resolves only once committed.
        const outboxEvents = ratings.flatMap((r) => ratingEvents(siteId, r, events));
        return wrote(await insertUnverified(siteId, { ratings, events: outboxEvents }));
      }
      // Verified ratings first take their slot back from unverified ones, then insert; a
      // concurrent unverified insert between the two is displaced on the next round.
      const inserted = await retryTransient(() =>
        db.transaction(async (tx) => {
          const inserted = new Set<string>();
          let pending = ratings;
          for (let round = 0; round < 3 && pending.length > 0; round++) {
            const batch = JSON.stringify(pending);
            const gone = await tx.query<RatingRow & { displaced_by: string }>(DISPLACE_UNVERIFIED, [
              siteId,
              batch,
            ]);
            await retractDisplaced(
              tx,
              siteId,
              gone.map((row) => ({ rating: toStoredRating(row), by: row.displaced_by })),
              events,
              at,
            );
            const rows = await tx.query<{ id: string }>(INSERT_RATINGS, [
              siteId,
              batch,
              at,
              eventsOf(pending),
            ]);
            for (const row of rows) inserted.add(row.id);
            pending = pending.filter((r) => r.verified && !inserted.has(r.id));
            if (pending.length === 0) break;
            // Still blocked: by a verified rating (a real duplicate) or by an unverified one
            // committed meanwhile. Only the latter is worth another round.
            const blocked = await tx.query<{ id: string }>(
              `WITH ${BATCH} SELECT b.id::text AS id FROM batch b JOIN raaye_ratings r
               ON r.site_id = $1 AND r.rater_id = b."raterId" AND r.interaction_id = b."interactionId"
             WHERE NOT r.verified`,
              [siteId, JSON.stringify(pending)],
            );
            const retry = new Set(blocked.map((r) => r.id));
            pending = pending.filter((r) => retry.has(r.id));
          }
          return inserted;
        }),
      );
      return wrote(inserted);
    },

    async stats(siteId, filter) {
      const stats = await queryStats(db, siteId, filter);
      folder.afterRead();
      return stats;
    },

    async listRatings(siteId, filter, afterSeq, limit) {
      const { where, params } = filterSql(siteId, filter);
      const rows = await db.query<RatingRow>(
        `SELECT ${RATING_COLUMNS} FROM raaye_ratings WHERE ${where} AND seq > $${params.length + 1}::bigint
         ORDER BY raaye_ratings.seq LIMIT $${params.length + 2}::int`,
        [...params, afterSeq, limit],
      );
      return rows.map(toStoredRating);
    },

    async pageEnd(siteId, filter, afterSeq, limit) {
      const { where, params } = filterSql(siteId, filter);
      const rows = await db.query<{ seq: string }>(
        `SELECT seq::text AS seq FROM raaye_ratings WHERE ${where} AND seq > $${params.length + 1}::bigint
         ORDER BY raaye_ratings.seq OFFSET $${params.length + 2}::int LIMIT 2`,
        [...params, afterSeq, limit - 1],
      );
      if (rows.length > 0) return { lastSeq: rows[0]!.seq, more: rows.length > 1 };
      // Fewer than `limit` left: the page ends at the last matching row.
      const [last] = await db.query<{ seq: string | null }>(
        `SELECT max(seq)::text AS seq FROM raaye_ratings WHERE ${where} AND seq > $${params.length + 1}::bigint`,
        [...params, afterSeq],
      );
      return { lastSeq: last?.seq ?? null, more: false };
    },

    async listFollowUps(siteId, beforeSeq, limit) {
      // Newest first, like the team inbox: the follow-ups index read backwards.
      const rows = await db.query<RatingRow>(
        `SELECT ${RATING_COLUMNS} FROM raaye_ratings
         WHERE site_id = $1 AND low AND replied_at IS NULL${beforeSeq === '0' ? '' : ' AND seq < $3::bigint'}
         ORDER BY raaye_ratings.seq DESC LIMIT $2::int`,
        beforeSeq === '0' ? [siteId, limit] : [siteId, limit, beforeSeq],
      );
      return rows.map(toStoredRating);
    },

    async markReplied(siteId, id, by, note, at, events = new Set()) {
      return db.transaction(async (tx) => {
        // Locked first, so of two marks racing (or a retried POST, or a reply already sent from
        // the team inbox) only the one that finds it unanswered writes `followup.replied`:
        // one reply, one event, whichever path recorded it.
        const [before] = await tx.query<{ replied: boolean }>(
          `SELECT replied_at IS NOT NULL AS replied FROM raaye_ratings
           WHERE site_id = $1 AND id = $2::uuid AND low FOR UPDATE`,
          [siteId, id],
        );
        if (!before) return false;
        const [row] = await tx.query<RatingRow>(
          `UPDATE raaye_ratings SET replied_at = $3::timestamptz, replied_by = $4, reply_note = $5
           WHERE site_id = $1 AND id = $2::uuid RETURNING ${RATING_COLUMNS}`,
          [siteId, id, at, by, note],
        );
        // The team inbox's follow-up is answered too, so it does not wait for a second reply.
        await tx.query(
          `UPDATE raaye_followups SET first_reply_at = coalesce(first_reply_at, $3::timestamptz),
             status = CASE WHEN status IN ('open', 'assigned') THEN 'replied' ELSE status END,
             updated_at = $3::timestamptz
           WHERE site_id = $1 AND rating_id = $2::uuid`,
          [siteId, id, at],
        );
        if (row && !before.replied && events.has('followup.replied')) {
          const rating = toStoredRating(row);
          await enqueueEvents(tx, siteId, [replyEvent(siteId, rating, { by, note, at })], at);
        }
        return true;
      });
    },

    async eraseRater(siteId, raterId) {
      const deleted = await db.transaction(async (tx) => {
        const ratings = await tx.query(
          'DELETE FROM raaye_ratings WHERE site_id = $1 AND (rater_id = $2 OR user_id = $2) RETURNING 1',
          [siteId, raterId],
        );
        const owed = await tx.query(
          'DELETE FROM raaye_owed WHERE site_id = $1 AND rater_id = $2 RETURNING 1',
          [siteId, raterId],
        );
        // Cascades to the deliveries: nothing more about this rater leaves the collector.
        const events = await tx.query(
          'DELETE FROM raaye_events WHERE site_id = $1 AND (rater_id = $2 OR user_id = $2) RETURNING 1',
          [siteId, raterId],
        );
        const deleted = { ratings: ratings.length, owed: owed.length, events: events.length };
        // Owed in the same transaction, so a crash before the compaction still leaves it owed.
        if (compaction && deleted.ratings + deleted.owed + deleted.events > 0)
          await compaction.owe(tx, new Date().toISOString());
        return deleted;
      });
      options.analyze?.wrote(deleted.ratings);
      // The rewrite takes seconds: the erasure answers now, the job compacts right after.
      if (compaction && deleted.ratings + deleted.owed + deleted.events > 0) void compaction.kick();
      return deleted;
    },

    outbox: outboxSql(db),

    async ping() {
      await db.query('SELECT 1');
    },

    async close() {
      await folder.settled();
      await onClose();
    },
  };
}

function guarded(client: SqlClient): SqlClient {
  const wrap = (error: unknown): never => {
    if (isCollectorError(error)) throw error;
    throw new CollectorError('unavailable', 'the store failed; retry later', {
      retryAfter: 5,
      cause: error,
    });
  };
  return {
    query: <T>(text: string, params?: unknown[]) => client.query<T>(text, params).catch(wrap),
    transaction: (fn) => client.transaction((tx) => fn(tx)).catch(wrap),
    close: () => client.close(),
    ...(client.progress && { progress: () => client.progress!() }),
  };
}

// Extended-protocol drivers take one statement per query; the schema has no semicolons in strings.
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
