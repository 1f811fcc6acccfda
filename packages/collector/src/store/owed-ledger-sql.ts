import { reopenFollowUpMark } from '../inbox/followup-mark';
import { enqueueEvents } from '../outbox/enqueue';
import { ratingEvents } from '../outbox/rating-events';
import {
  OWED_COLUMNS,
  type OwedRow,
  RATING_COLUMNS,
  type RatingRow,
  toOwedRecord,
  toStoredRating,
} from './row-mapping';
import type { SqlClient } from './sql-client';
import type { Store } from './types';

type LedgerMethods = Pick<
  Store,
  'addOwed' | 'listOwed' | 'getOwed' | 'cancelOwed' | 'closedOwed' | 'reviseLinkRating'
>;

/**
 * The owed ledger: one debt per rater × interaction, settled by the first answer on any channel
 * (the settling itself happens in the rating insert, see sql-store.ts).
 */
export function ledgerMethods(db: SqlClient): LedgerMethods {
  return {
    // Re-owing an entry (same rater and interaction) updates it and lifts a cancellation; it is
    // settled at once when the rater already rated the interaction, on whichever channel.
    async addOwed(siteId, owed) {
      const [row] = await db.query<OwedRow>(
        `WITH prior AS (
           SELECT id, channel FROM raaye_ratings r
           WHERE r.site_id = $1 AND r.rater_id = $2 AND r.interaction_id = $3 AND r.verified)
         INSERT INTO raaye_owed AS o (site_id, rater_id, interaction_id, interaction_type, prompt,
           scale, locale, tags, ended_at, created_at, expires_at, settled_at, settled_channel,
           rating_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9::timestamptz, $10::timestamptz,
           $11::timestamptz, (SELECT $10::timestamptz FROM prior),
           (SELECT coalesce(channel, 'unspecified') FROM prior), (SELECT id FROM prior))
         ON CONFLICT (site_id, rater_id, interaction_id) DO UPDATE SET
           interaction_type = EXCLUDED.interaction_type, prompt = EXCLUDED.prompt,
           scale = EXCLUDED.scale, locale = EXCLUDED.locale, tags = EXCLUDED.tags,
           ended_at = EXCLUDED.ended_at, expires_at = EXCLUDED.expires_at, cancelled_at = NULL
         RETURNING ${OWED_COLUMNS}`,
        [
          siteId,
          owed.raterId,
          owed.interactionId,
          owed.interactionType,
          owed.prompt,
          owed.scale,
          owed.locale,
          owed.tags === null ? null : JSON.stringify(owed.tags),
          owed.endedAt,
          owed.createdAt,
          owed.expiresAt,
        ],
      );
      return toOwedRecord(row!);
    },

    async listOwed(siteId, raterId, now) {
      const rows = await db.query<OwedRow>(
        `SELECT ${OWED_COLUMNS} FROM raaye_owed
         WHERE site_id = $1 AND rater_id = $2 AND settled_at IS NULL AND cancelled_at IS NULL
           AND expires_at > $3::timestamptz
         ORDER BY created_at LIMIT 100`,
        [siteId, raterId, now],
      );
      return rows.map(toOwedRecord);
    },

    async getOwed(siteId, id) {
      if (!/^\d{1,18}$/.test(id)) return undefined;
      const [row] = await db.query<OwedRow>(
        `SELECT ${OWED_COLUMNS} FROM raaye_owed WHERE site_id = $1 AND id = $2::bigint`,
        [siteId, id],
      );
      return row && toOwedRecord(row);
    },

    async cancelOwed(siteId, id, at) {
      if (!/^\d{1,18}$/.test(id)) return undefined;
      const [row] = await db.query<OwedRow>(
        `UPDATE raaye_owed SET cancelled_at = coalesce(cancelled_at, $3::timestamptz)
         WHERE site_id = $1 AND id = $2::bigint AND settled_at IS NULL
         RETURNING ${OWED_COLUMNS}`,
        [siteId, id, at],
      );
      if (row) return toOwedRecord(row);
      // Already settled: nothing to cancel, but the entry exists.
      return this.getOwed(siteId, id);
    },

    async closedOwed(siteId, raterId, since, now) {
      const rows = await db.query<{ interaction_id: string }>(
        `SELECT interaction_id FROM raaye_owed
         WHERE site_id = $1 AND rater_id = $2 AND (
           settled_at > $3::timestamptz OR cancelled_at > $3::timestamptz
           OR (expires_at > $3::timestamptz AND expires_at <= $4::timestamptz))
         ORDER BY created_at DESC LIMIT 100`,
        [siteId, raterId, since, now],
      );
      return rows.map((r) => r.interaction_id);
    },

    async reviseLinkRating(siteId, ratingId, owed, revision, notBefore, outbox) {
      return db.transaction(async (tx) => {
        const [before] = await tx.query<{ low: boolean }>(
          `SELECT low FROM raaye_ratings
           WHERE site_id = $1 AND id = $2::uuid AND rater_id = $3 AND interaction_id = $4
             AND channel IN ('email', 'sms') AND received_at >= $5::timestamptz
           FOR UPDATE`,
          [siteId, ratingId, owed.raterId, owed.interactionId, notBefore],
        );
        if (!before) return false;
        const [row] = await tx.query<RatingRow>(
          `UPDATE raaye_ratings SET score = $3::smallint, tags = $4::text::jsonb, comment = $5,
             low = $6::boolean
           WHERE site_id = $1 AND id = $2::uuid RETURNING ${RATING_COLUMNS}`,
          [
            siteId,
            ratingId,
            revision.score,
            revision.tags === null ? null : JSON.stringify(revision.tags),
            revision.comment,
            revision.low,
          ],
        );
        // Not low, now low: the inbox's mark may have passed this rating long ago; move it back
        // so the next pass opens its follow-up (in this transaction: never low without it).
        if (row && !before.low && revision.low) await reopenFollowUpMark(tx, siteId, ratingId);
        // Not low, now low: the alert the insert did not raise. Once per rating, however often
        // the form flips it back and forth within the revision window.
        if (row && !before.low && revision.low && outbox?.events.has('rating.low')) {
          const [fired] = await tx.query(
            `SELECT 1 FROM raaye_events WHERE site_id = $1 AND rater_id = $2 AND subject_id = $3
               AND type = 'rating.low' LIMIT 1`,
            [siteId, owed.raterId, ratingId],
          );
          if (!fired) {
            const wanted = new Set(['rating.low'] as const);
            await enqueueEvents(
              tx,
              siteId,
              ratingEvents(siteId, toStoredRating(row), wanted),
              outbox.at,
            );
          }
        }
        return true;
      });
    },
  };
}
