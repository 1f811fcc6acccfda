import type { SqlClient } from '../store/sql-client';

/**
 * A rating revised to low after the mark passed it (a link answer changed on its landing page)
 * would never be looked at again: move the mark back below it. Call it in the revision's
 * transaction; the row lock it takes orders it with a pass (see LOCK in materialize.ts).
 */
export async function reopenFollowUpMark(
  tx: SqlClient,
  siteId: string,
  ratingId: string,
): Promise<void> {
  await tx.query(
    `UPDATE raaye_inbox_settings s SET materialized_seq = r.seq - 1
     FROM raaye_ratings r
     WHERE s.site_id = $1 AND r.site_id = $1 AND r.id = $2::uuid AND s.materialized_seq >= r.seq`,
    [siteId, ratingId],
  );
}
