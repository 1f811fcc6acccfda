// The follow-up step as it was before it was batched (commit 635d393): one transaction per low
// rating. Kept only as the reference the set-based version is checked against
// (inbox-materialize.property.test.ts); the collector does not use it.
import { recordActivity, SYSTEM } from '../../src/activity/activity-store';
import type { EmitEvents } from '../../src/inbox/events';
import { recipient } from '../../src/inbox/recipients';
import type { InboxSettings } from '../../src/inbox/settings';
import type { Member } from '../../src/members/member-store';
import { addBusinessTime } from '../../src/sla/business-time';
import { iso } from '../../src/store/row-mapping';
import type { SqlClient } from '../../src/store/sql-client';

const HOUR = 3600_000;
const BATCH = 200;

interface NewLow {
  id: string;
  seq: string;
  interaction_type: string | null;
  received_at: string;
  replied_at: string | null;
  rater_id: string;
  user_id: string | null;
}

/**
 * Gives each new low rating its follow-up: deadline from the site's SLA, an assignee from its
 * rules, `followup.assigned` to that person. Works from a high-water mark so each pass reads only
 * ratings it has not seen; `ON CONFLICT DO NOTHING` makes two collectors doing it at once harmless.
 * Newest first: after a burst of thousands (spam), the complaint that came last is opened and
 * assigned on the first pass, not behind the burst's backlog of 200 a pass (issue 11).
 * Returns how many follow-ups it opened.
 */
export async function materializeOneByOne(
  db: SqlClient,
  siteId: string,
  settings: InboxSettings,
  members: readonly Member[],
  emit: EmitEvents,
  now: number,
): Promise<number> {
  const at = new Date(now).toISOString();
  const [mark] = await db.query<{ seq: string }>(
    'SELECT materialized_seq::text AS seq FROM raaye_inbox_settings WHERE site_id = $1',
    [siteId],
  );
  const rows = await db.query<NewLow>(
    `SELECT id::text AS id, seq::text AS seq, interaction_type, ${iso('received_at')} AS received_at,
       ${iso('replied_at')} AS replied_at, rater_id, user_id
     FROM raaye_ratings r WHERE site_id = $1 AND low AND seq > $2::bigint
       AND NOT EXISTS (SELECT 1 FROM raaye_followups f WHERE f.site_id = $1 AND f.rating_id = r.id)
     ORDER BY r.seq DESC LIMIT $3::int`,
    [siteId, mark?.seq ?? '0', BATCH],
  );
  let opened = 0;
  for (const r of rows) {
    const created = await db.transaction(async (tx) => {
      const openedAt = Date.parse(r.received_at);
      const target = settings.replyTargetHours * HOUR;
      const due = new Date(addBusinessTime(openedAt, target, settings.businessHours)).toISOString();
      const warn = new Date(
        addBusinessTime(
          openedAt,
          Math.max(0, target - settings.breachingBeforeHours * HOUR),
          settings.businessHours,
        ),
      ).toISOString();
      const inserted = await tx.query(
        `INSERT INTO raaye_followups (site_id, rating_id, status, opened_at, warn_at, due_at, first_reply_at, updated_at)
         VALUES ($1, $2::uuid, $3, $4::timestamptz, $5::timestamptz, $6::timestamptz, $7::timestamptz, $8::timestamptz)
         ON CONFLICT DO NOTHING RETURNING 1`,
        [
          siteId,
          r.id,
          r.replied_at ? 'replied' : 'open',
          r.received_at,
          warn,
          due,
          r.replied_at,
          at,
        ],
      );
      if (inserted.length === 0) return false;
      await recordActivity(
        tx,
        siteId,
        { ratingId: r.id, actor: SYSTEM, action: 'followup.opened', detail: { dueAt: due } },
        at,
      );
      const assignee = r.replied_at
        ? null
        : await chooseAssignee(tx, siteId, settings, members, r.interaction_type, at);
      if (!assignee) return true;
      await tx.query(
        `UPDATE raaye_followups SET status = 'assigned', assignee_id = $3::uuid WHERE site_id = $1 AND rating_id = $2::uuid`,
        [siteId, r.id, assignee.id],
      );
      const byType =
        r.interaction_type !== null && settings.assignment.byType[r.interaction_type] !== undefined;
      await recordActivity(
        tx,
        siteId,
        {
          ratingId: r.id,
          actor: SYSTEM,
          action: 'followup.assigned',
          detail: {
            assignee: assignee.id,
            assigneeName: assignee.name,
            rule: byType ? 'interaction type' : 'round-robin',
          },
        },
        at,
      );
      await emit(
        tx,
        siteId,
        [
          {
            type: 'followup.assigned',
            raterId: r.rater_id,
            userId: r.user_id,
            subjectId: r.id,
            data: {
              site: siteId,
              followUp: r.id,
              dueAt: due,
              assignee: recipient(assignee),
              recipients: [recipient(assignee)],
            },
          },
        ],
        at,
      );
      return true;
    });
    if (created) opened++;
  }
  // A rating's seq is taken before its insert commits, so a lower seq can appear after a higher
  // one: the mark passes only ratings received over a minute ago, and only once every one of
  // them has its follow-up; newer ones are looked at again (NOT EXISTS keeps that cheap).
  const settledBefore = new Date(now - 60_000).toISOString();
  await db.query(
    `INSERT INTO raaye_inbox_settings (site_id, settings, updated_at) VALUES ($1, '{}', $2::timestamptz)
     ON CONFLICT (site_id) DO NOTHING`,
    [siteId, at],
  );
  await db.query(
    `UPDATE raaye_inbox_settings s SET materialized_seq = coalesce((
       SELECT max(r.seq) FROM raaye_ratings r
       WHERE r.site_id = $1 AND r.low AND r.seq > s.materialized_seq AND r.received_at <= $2::timestamptz
     ), s.materialized_seq)
     WHERE s.site_id = $1 AND NOT EXISTS (
       SELECT 1 FROM raaye_ratings r
       WHERE r.site_id = $1 AND r.low AND r.seq > s.materialized_seq AND r.received_at <= $2::timestamptz
         AND NOT EXISTS (SELECT 1 FROM raaye_followups f WHERE f.site_id = $1 AND f.rating_id = r.id))`,
    [siteId, settledBefore],
  );
  return opened;
}

async function chooseAssignee(
  tx: SqlClient,
  siteId: string,
  settings: InboxSettings,
  members: readonly Member[],
  interactionType: string | null,
  at: string,
): Promise<Member | null> {
  const listed = interactionType ? settings.assignment.byType[interactionType] : undefined;
  const pool = (
    listed
      ? members.filter((m) => m.role !== 'viewer' && listed.includes(m.email))
      : settings.assignment.mode === 'round-robin'
        ? members.filter((m) => m.role === 'agent')
        : []
  ).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (pool.length === 0) return null;
  await tx.query(
    `INSERT INTO raaye_inbox_settings (site_id, settings, updated_at) VALUES ($1, '{}', $2::timestamptz)
     ON CONFLICT (site_id) DO NOTHING`,
    [siteId, at],
  );
  const [row] = await tx.query<{ last: string | null }>(
    'SELECT round_robin_last::text AS last FROM raaye_inbox_settings WHERE site_id = $1 FOR UPDATE',
    [siteId],
  );
  const last = row?.last ?? '';
  const next = pool.find((m) => m.id > last) ?? pool[0]!;
  await tx.query('UPDATE raaye_inbox_settings SET round_robin_last = $2::uuid WHERE site_id = $1', [
    siteId,
    next.id,
  ]);
  return next;
}
