import { recordActivity, SYSTEM } from '../activity/activity-store';
import type { EmitEvents } from '../inbox/events';
import { assigneeAndOwners } from '../inbox/recipients';
import type { Member } from '../members/member-store';
import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';

interface DueRow {
  rating_id: string;
  assignee_id: string | null;
  warn_at: string;
  due_at: string;
  breaching_alerted_at: string | null;
  rater_id: string;
  user_id: string | null;
  score: number;
  scale: string;
  comment: string | null;
}

/**
 * Raises `sla.breaching` once a follow-up without a reply passes its warning time, and
 * `sla.breached` once it passes its deadline; each at most once per follow-up (the timestamps are
 * set in the same transaction as the events, and SKIP LOCKED lets several collectors share the
 * work). A collector that was down sends only `sla.breached` for what it missed entirely.
 */
export async function raiseSlaAlerts(
  db: SqlClient,
  siteId: string,
  members: readonly Member[],
  emit: EmitEvents,
  now: number,
): Promise<number> {
  const at = new Date(now).toISOString();
  return db.transaction(async (tx) => {
    const rows = await tx.query<DueRow>(
      `SELECT f.rating_id::text AS rating_id, f.assignee_id::text AS assignee_id, ${iso('f.warn_at')} AS warn_at,
         ${iso('f.due_at')} AS due_at, ${iso('f.breaching_alerted_at')} AS breaching_alerted_at, r.rater_id, r.user_id,
         r.score::int AS score, r.scale, r.comment
       FROM raaye_followups f JOIN raaye_ratings r ON r.site_id = f.site_id AND r.id = f.rating_id
       WHERE f.site_id = $1 AND f.first_reply_at IS NULL AND f.status IN ('open', 'assigned')
         AND ((f.breaching_alerted_at IS NULL AND f.warn_at <= $2::timestamptz)
           OR (f.breached_alerted_at IS NULL AND f.due_at <= $2::timestamptz))
       ORDER BY f.due_at LIMIT 200 FOR UPDATE OF f SKIP LOCKED`,
      [siteId, at],
    );
    for (const r of rows) {
      const breached = Date.parse(r.due_at) <= now;
      const type = breached ? 'sla.breached' : 'sla.breaching';
      await tx.query(
        `UPDATE raaye_followups SET breaching_alerted_at = coalesce(breaching_alerted_at, $3::timestamptz),
           breached_alerted_at = CASE WHEN $4::boolean THEN $3::timestamptz ELSE breached_alerted_at END
         WHERE site_id = $1 AND rating_id = $2::uuid`,
        [siteId, r.rating_id, at, breached],
      );
      await recordActivity(
        tx,
        siteId,
        { ratingId: r.rating_id, actor: SYSTEM, action: type, detail: { dueAt: r.due_at } },
        at,
      );
      await emit(
        tx,
        siteId,
        [
          {
            type,
            raterId: r.rater_id,
            userId: r.user_id,
            subjectId: r.rating_id,
            data: {
              site: siteId,
              followUp: r.rating_id,
              dueAt: r.due_at,
              rating: { scale: r.scale, score: Number(r.score), comment: r.comment },
              recipients: assigneeAndOwners(members, r.assignee_id),
            },
          },
        ],
        at,
      );
    }
    return rows.length;
  });
}
