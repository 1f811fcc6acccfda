import { SYSTEM } from '../activity/activity-store';
import type { Member } from '../members/member-store';
import { addBusinessTime } from '../sla/business-time';
import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';
import { assignInTurn } from './assign';
import type { EmitEvents, InboxEvent } from './events';
import { recipient } from './recipients';
import type { InboxSettings } from './settings';

const HOUR = 3600_000;
/** Follow-ups opened per pass (one transaction); the engine runs passes until none is left. */
export const BATCH = 200;
/** A rating's seq is taken before its insert commits; after this long it is assumed committed. */
const SETTLE_MS = 60_000;

interface NewLow {
  id: string;
  seq: string;
  interaction_type: string | null;
  received_at: string;
  replied_at: string | null;
  rater_id: string;
  user_id: string | null;
}

// Low ratings past the mark that have no follow-up yet, newest first: after a burst of thousands
// (spam), the complaint that came last is opened on the first pass, not behind the burst (issue 11).
// `OFFSET 0` keeps each NOT EXISTS a per-row key lookup: turned into an anti-join, PGlite's
// planner (no statistics) matched each rating against every follow-up of the site (2 s a pass).
// `FOR KEY SHARE`: a rating deleted meanwhile (displaced by its verified rater's own, or erased)
// would fail the follow-ups' foreign key and roll the whole pass back; locked, its delete waits
// for this pass (and cascades to the new follow-up), and one already deleted is skipped.
const CANDIDATES = `
SELECT id::text AS id, seq::text AS seq, interaction_type, ${iso('received_at')} AS received_at,
  ${iso('replied_at')} AS replied_at, rater_id, user_id
FROM raaye_ratings r WHERE site_id = $1 AND low AND seq > $2::bigint
  AND NOT EXISTS (SELECT 1 FROM raaye_followups f WHERE f.site_id = $1 AND f.rating_id = r.id OFFSET 0)
ORDER BY r.seq DESC LIMIT $3::int
FOR KEY SHARE OF r`;

// The same for the ratings an ingest just stored (the engine's kick names them): read by key,
// so a pass costs the same at 1,000 and at 1,000,000 stored ratings. The full pass above reads
// every low rating of the settle window (a minute of them; 4,000 under batch-1 load) four times
// over, which is what made each kick's pass grow with the table (issue 16).
const CANDIDATES_BY_ID = `
SELECT id::text AS id, seq::text AS seq, interaction_type, ${iso('received_at')} AS received_at,
  ${iso('replied_at')} AS replied_at, rater_id, user_id
FROM raaye_ratings r WHERE site_id = $1 AND id = ANY($2::uuid[]) AND low
  AND NOT EXISTS (SELECT 1 FROM raaye_followups f WHERE f.site_id = $1 AND f.rating_id = r.id OFFSET 0)
ORDER BY r.seq DESC
FOR KEY SHARE OF r`;

// Read without a lock or a write, so an idle pass costs no transaction (and on PostgreSQL no
// WAL flush): is there a low rating past the mark that lacks its follow-up, or one old enough
// for the mark to pass?
const HAS_WORK = `
SELECT EXISTS (
  SELECT 1 FROM raaye_ratings r
  WHERE r.site_id = $1 AND r.low
    AND r.seq > coalesce((SELECT materialized_seq FROM raaye_inbox_settings WHERE site_id = $1), 0)
    AND (r.received_at <= $2::timestamptz
      OR NOT EXISTS (SELECT 1 FROM raaye_followups f WHERE f.site_id = $1 AND f.rating_id = r.id OFFSET 0))
) AS work`;

// The row every pass locks first: passes of several collectors (and a revision lowering the
// mark, see followup-mark.ts) take turns, and each reads what the one before it committed.
const ENSURE_SETTINGS = `
INSERT INTO raaye_inbox_settings (site_id, settings, updated_at) VALUES ($1, '{}', $2::timestamptz)
ON CONFLICT (site_id) DO NOTHING`;
const LOCK = `
SELECT materialized_seq::text AS mark, round_robin_last::text AS last
FROM raaye_inbox_settings WHERE site_id = $1 FOR UPDATE`;

// One statement writes the pass: follow-ups, their activity (in the order given, so each
// follow-up's log reads "opened" then "assigned") and the turn. The activity's foreign key is
// checked at the end of the statement, when the follow-ups exist. It was three statements.
const WRITE = `
WITH opened AS (
  INSERT INTO raaye_followups (site_id, rating_id, status, assignee_id, opened_at, warn_at, due_at,
    first_reply_at, updated_at)
  SELECT $1, f.rating_id, f.status, f.assignee_id, f.opened_at, f.warn_at, f.due_at,
    f.first_reply_at, $4::timestamptz
  FROM jsonb_to_recordset($2::text::jsonb) AS f(rating_id uuid, status text, assignee_id uuid,
    opened_at timestamptz, warn_at timestamptz, due_at timestamptz, first_reply_at timestamptz)
  ON CONFLICT DO NOTHING RETURNING 1
), logged AS (
  INSERT INTO raaye_activity (site_id, rating_id, actor_kind, actor_id, actor_name, action, detail, at)
  SELECT $1, a.rating_id, $5, NULL, $6, a.action, a.detail, $4::timestamptz
  FROM ROWS FROM (jsonb_to_recordset($3::text::jsonb) AS (rating_id uuid, action text, detail jsonb))
    WITH ORDINALITY AS a(rating_id, action, detail, n)
  ORDER BY a.n
  RETURNING 1
), turned AS (
  UPDATE raaye_inbox_settings SET round_robin_last = $7::uuid
  WHERE site_id = $1 AND $7::uuid IS NOT NULL
  RETURNING 1
)
SELECT (SELECT count(*) FROM opened)::int AS opened`;

// The mark passes ratings received over SETTLE_MS ago (a lower seq can commit after a higher
// one), and only once each of them has its follow-up. Full passes only.
const ADVANCE = `
UPDATE raaye_inbox_settings s SET
  materialized_seq = CASE WHEN EXISTS (
      SELECT 1 FROM raaye_ratings r
      WHERE r.site_id = $1 AND r.low AND r.seq > s.materialized_seq AND r.received_at <= $2::timestamptz
        AND NOT EXISTS (SELECT 1 FROM raaye_followups f WHERE f.site_id = $1 AND f.rating_id = r.id OFFSET 0))
    THEN s.materialized_seq
    ELSE coalesce((
      SELECT max(r.seq) FROM raaye_ratings r
      WHERE r.site_id = $1 AND r.low AND r.seq > s.materialized_seq AND r.received_at <= $2::timestamptz
    ), s.materialized_seq) END
WHERE s.site_id = $1`;

/**
 * Gives each new low rating its follow-up: deadline from the site's SLA, an assignee from its
 * rules, `followup.assigned` to that person. One pass is one transaction of a few set-based
 * statements (candidates, one write of follow-ups, activity and turn, events), up to `BATCH`
 * ratings: under ingest load a commit per low rating (a WAL flush each, and on PGlite the one
 * thread blocked) fell minutes behind. Assignment is computed in order by `assignInTurn`,
 * exactly as one at a time.
 *
 * With `ids` (ratings an ingest just stored, at most `BATCH`), the pass reads only those, by
 * key, and leaves the mark alone: BEGIN, lock, candidates, write, COMMIT. Without, it is the
 * full pass: every low rating past the mark that lacks its follow-up (stored by another process,
 * committed late, or whose kick was lost to a crash), then the mark moves on. The engine runs
 * a full pass on every tick and before the inbox lists.
 * Returns how many follow-ups it opened.
 */
export async function materialize(
  db: SqlClient,
  siteId: string,
  settings: InboxSettings,
  members: readonly Member[],
  emit: EmitEvents,
  now: number,
  ids?: readonly string[],
): Promise<number> {
  const at = new Date(now).toISOString();
  const settledBefore = new Date(now - SETTLE_MS).toISOString();
  if (ids?.length === 0) return 0;
  if (!ids) {
    const [probe] = await db.query<{ work: boolean }>(HAS_WORK, [siteId, settledBefore]);
    if (!probe?.work) return 0;
  }
  return db.transaction(async (tx) => {
    if (!ids) {
      // PGlite's planner scans and hash-joins what the indexes answer when its statistics are
      // missing or stale (store/auto-analyze.ts keeps them, after the first few hundred
      // ratings); a full pass reads a few hundred rows by index.
      await tx.query('SET LOCAL enable_seqscan = off');
      await tx.query('SET LOCAL enable_bitmapscan = off');
    }
    let [site] = await tx.query<{ mark: string; last: string | null }>(LOCK, [siteId]);
    if (!site) {
      await tx.query(ENSURE_SETTINGS, [siteId, at]);
      [site] = await tx.query<{ mark: string; last: string | null }>(LOCK, [siteId]);
    }
    const rows = ids
      ? await tx.query<NewLow>(CANDIDATES_BY_ID, [siteId, `{${ids.join(',')}}`])
      : await tx.query<NewLow>(CANDIDATES, [siteId, site?.mark ?? '0', BATCH]);
    const plan = planFollowUps(siteId, rows, settings, members, site?.last ?? null);
    if (rows.length > 0) {
      const [written] = await tx.query<{ opened: number }>(WRITE, [
        siteId,
        JSON.stringify(plan.followUps),
        JSON.stringify(plan.activity),
        at,
        SYSTEM.kind,
        SYSTEM.name,
        plan.last === (site?.last ?? null) ? null : plan.last,
      ]);
      // Under the lock nobody else opens follow-ups; if someone did (a collector of an older
      // version), the turns computed here would be off: roll back, the next pass starts over.
      if (Number(written?.opened) !== rows.length) {
        throw new Error('follow-ups opened concurrently');
      }
      if (plan.events.length > 0) await emit(tx, siteId, plan.events, at);
    }
    if (!ids) await tx.query(ADVANCE, [siteId, settledBefore]);
    return rows.length;
  });
}

/** The rows one pass writes for `rows` (newest first), computed before any is written. */
function planFollowUps(
  siteId: string,
  rows: readonly NewLow[],
  settings: InboxSettings,
  members: readonly Member[],
  last: string | null,
) {
  const turns = assignInTurn(
    settings,
    members,
    rows.map((r) => ({ interactionType: r.interaction_type, needsAssignee: !r.replied_at })),
    last,
  );
  const target = settings.replyTargetHours * HOUR;
  const warnAfter = Math.max(0, target - settings.breachingBeforeHours * HOUR);
  const followUps: Array<Record<string, string | null>> = [];
  const activity: Array<{ rating_id: string; action: string; detail: Record<string, unknown> }> =
    [];
  const events: InboxEvent[] = [];
  rows.forEach((r, i) => {
    const { assignee, byType } = turns.assignments[i]!;
    const openedAt = Date.parse(r.received_at);
    const due = new Date(addBusinessTime(openedAt, target, settings.businessHours)).toISOString();
    const warn = new Date(
      addBusinessTime(openedAt, warnAfter, settings.businessHours),
    ).toISOString();
    followUps.push({
      rating_id: r.id,
      status: r.replied_at ? 'replied' : assignee ? 'assigned' : 'open',
      assignee_id: assignee?.id ?? null,
      opened_at: r.received_at,
      warn_at: warn,
      due_at: due,
      first_reply_at: r.replied_at,
    });
    activity.push({ rating_id: r.id, action: 'followup.opened', detail: { dueAt: due } });
    if (!assignee) return;
    activity.push({
      rating_id: r.id,
      action: 'followup.assigned',
      detail: {
        assignee: assignee.id,
        assigneeName: assignee.name,
        rule: byType ? 'interaction type' : 'round-robin',
      },
    });
    events.push({
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
    });
  });
  return { followUps, activity, events, last: turns.last };
}
