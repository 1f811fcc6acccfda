// What the follow-up step (src/inbox/materialize.ts) promises, stated on its own and checked
// against what it left in the store: one follow-up per low rating with its SLA deadlines, owners
// by the documented rules and turn, its activity and `followup.assigned` events exactly once,
// and a high-water mark that never passes a rating without its follow-up. No second
// implementation to compare with: each check reads the rule, not another version of the code.
import { expect } from 'vitest';
import type { InboxEvent } from '../../src/inbox/events';
import type { InboxSettings } from '../../src/inbox/settings';
import type { Member } from '../../src/members/member-store';
import { addBusinessTime } from '../../src/sla/business-time';
import { iso } from '../../src/store/row-mapping';
import type { SqlClient } from '../../src/store/sql-client';

const HOUR = 3600_000;
/** The mark passes only ratings received at least this long ago (their seq may commit late). */
export const SETTLE_MS = 60_000;

export interface Site {
  siteId: string;
  members: readonly Member[];
  settings: InboxSettings;
  /** The member who had the last turn before the step ran. */
  last: string | null;
}

/**
 * Who may take a follow-up of this type (the rule src/inbox/assign.ts documents): the members
 * the by-type rule lists for it, viewers excepted; without a list, in round-robin mode the
 * agents; otherwise nobody. In id order, the order turns go in.
 */
export function eligible(settings: InboxSettings, members: readonly Member[], type: string | null) {
  const listed = type === null ? undefined : settings.assignment.byType[type];
  const may = (m: Member) =>
    listed
      ? listed.includes(m.email) && m.role !== 'viewer'
      : settings.assignment.mode === 'round-robin' && m.role === 'agent';
  return members.filter(may).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** A low rating as the step reads it (timestamps as ISO strings). */
type RatingRow = Record<'id' | 'seq' | 'received_at' | 'rater_id', string> &
  Record<'interaction_type' | 'replied_at' | 'user_id', string | null>;

/** Everything the step reads and writes for a site. */
export async function readSite(db: SqlClient, siteId: string) {
  const ratings = await db.query<RatingRow>(
    `SELECT id::text AS id, seq::text AS seq, interaction_type, ${iso('received_at')} AS received_at,
       ${iso('replied_at')} AS replied_at, rater_id, user_id
     FROM raaye_ratings WHERE site_id = $1 AND low ORDER BY raaye_ratings.seq`,
    [siteId],
  );
  const followUps = await db.query<{
    rating_id: string;
    status: string;
    assignee_id: string | null;
    opened_at: string;
    warn_at: string;
    due_at: string;
    first_reply_at: string | null;
  }>(
    `SELECT rating_id::text AS rating_id, status, assignee_id::text AS assignee_id,
       ${iso('opened_at')} AS opened_at, ${iso('warn_at')} AS warn_at, ${iso('due_at')} AS due_at,
       ${iso('first_reply_at')} AS first_reply_at
     FROM raaye_followups WHERE site_id = $1`,
    [siteId],
  );
  const activity = (
    await db.query<{ rating_id: string; actor_kind: string; action: string; detail: string }>(
      `SELECT rating_id::text AS rating_id, actor_kind, action, detail::text AS detail
       FROM raaye_activity WHERE site_id = $1 ORDER BY seq`,
      [siteId],
    )
  ).map((a) => ({ ...a, detail: JSON.parse(a.detail) as Record<string, unknown> }));
  const [turn] = await db.query<{ last: string | null; mark: string }>(
    `SELECT round_robin_last::text AS last, materialized_seq::text AS mark
     FROM raaye_inbox_settings WHERE site_id = $1`,
    [siteId],
  );
  return { ratings, followUps, activity, last: turn?.last ?? null, mark: BigInt(turn?.mark ?? 0) };
}

/** The mark never passes a rating that lacks its follow-up, nor a seq not yet committed. */
export async function checkMark(db: SqlClient, siteId: string, uncommitted: readonly bigint[]) {
  const { ratings, followUps, mark } = await readSite(db, siteId);
  const opened = new Set(followUps.map((f) => f.rating_id));
  const skipped = ratings.filter((r) => BigInt(r.seq) <= mark && !opened.has(r.id));
  expect(skipped, `low ratings at or below the mark ${mark} without a follow-up`).toEqual([]);
  const passed = uncommitted.filter((seq) => seq <= mark);
  expect(passed, `the mark ${mark} passed seqs not yet committed`).toEqual([]);
  return mark;
}

/** Tallies across cases, so a property run can show it was not vacuous. */
export interface Seen {
  followUps: number;
  replied: number;
  unowned: number;
  byType: number;
  roundRobin: number;
}

/**
 * After the step ran until nothing was left (`now`: the time of its passes; `events`: all it
 * emitted for the site), checks every promise. `newestFirst`: every rating was stored before
 * the first pass, so follow-ups were opened newest first.
 */
export async function checkFollowUps(
  db: SqlClient,
  site: Site,
  events: readonly InboxEvent[],
  o: { now: number; newestFirst: boolean; seen?: Seen },
) {
  const { settings, members } = site;
  const { ratings, followUps, activity, last, mark } = await readSite(db, site.siteId);
  const byId = new Map(members.map((m) => [m.id, m]));
  const ratingOf = new Map(ratings.map((r) => [r.id, r]));
  const isoAt = (ms: number) => new Date(ms).toISOString();

  // Exactly one follow-up per low rating, and none for anything else.
  expect(followUps.map((f) => f.rating_id).sort()).toEqual(ratings.map((r) => r.id).sort());

  const target = settings.replyTargetHours * HOUR;
  const warnAfter = Math.max(0, target - settings.breachingBeforeHours * HOUR);
  let assigned = 0;
  for (const f of followUps) {
    const r = ratingOf.get(f.rating_id)!;
    const pool = eligible(settings, members, r.interaction_type);
    const received = Date.parse(r.received_at);
    // Opened when the rating arrived; deadlines in the site's business time from then.
    expect(f.opened_at).toBe(r.received_at);
    expect(f.due_at).toBe(isoAt(addBusinessTime(received, target, settings.businessHours)));
    expect(f.warn_at).toBe(isoAt(addBusinessTime(received, warnAfter, settings.businessHours)));
    // Already answered: replied, nobody to assign. Otherwise assigned to someone eligible, or
    // open when nobody is.
    if (r.replied_at) {
      expect(f).toMatchObject({
        status: 'replied',
        assignee_id: null,
        first_reply_at: r.replied_at,
      });
    } else if (pool.length === 0) {
      expect(f).toMatchObject({ status: 'open', assignee_id: null, first_reply_at: null });
    } else {
      expect(f).toMatchObject({ status: 'assigned', first_reply_at: null });
      expect(pool.map((m) => m.id)).toContain(f.assignee_id);
    }
    const assignee = f.assignee_id ? byId.get(f.assignee_id)! : null;
    if (assignee) assigned++;
    // Its log: opened, then assigned (naming the rule that chose), each once, by the system.
    const byType = r.interaction_type !== null && r.interaction_type in settings.assignment.byType;
    expect(
      activity
        .filter((a) => a.rating_id === r.id)
        .map(({ actor_kind, action, detail }) => ({ actor_kind, action, detail })),
    ).toEqual([
      { actor_kind: 'system', action: 'followup.opened', detail: { dueAt: f.due_at } },
      ...(assignee
        ? [
            {
              actor_kind: 'system',
              action: 'followup.assigned',
              detail: {
                assignee: assignee.id,
                assigneeName: assignee.name,
                rule: byType ? 'interaction type' : 'round-robin',
              },
            },
          ]
        : []),
    ]);
    // One `followup.assigned` to the assignee, none when nobody was assigned.
    const who = assignee && {
      memberId: assignee.id,
      email: assignee.email,
      name: assignee.name,
      role: assignee.role,
    };
    expect(events.filter((e) => e.subjectId === r.id)).toEqual(
      who
        ? [
            {
              type: 'followup.assigned',
              raterId: r.rater_id,
              userId: r.user_id,
              subjectId: r.id,
              data: {
                site: site.siteId,
                followUp: r.id,
                dueAt: f.due_at,
                assignee: who,
                recipients: [who],
              },
            },
          ]
        : [],
    );
    if (o.seen) {
      o.seen.followUps++;
      if (r.replied_at) o.seen.replied++;
      else if (!assignee) o.seen.unowned++;
      else if (byType) o.seen.byType++;
      else o.seen.roundRobin++;
    }
  }
  expect(events).toHaveLength(assigned);
  expect(activity.every((a) => ratingOf.has(a.rating_id))).toBe(true);

  // Turns, in the order assignments were made (the log's order): each goes to the first
  // eligible member after whoever had the last turn, in id order, wrapping round; one turn for
  // the site, whichever rule's list it is drawn from. The site keeps the last one.
  let turn = site.last;
  for (const a of activity.filter((e) => e.action === 'followup.assigned')) {
    const pool = eligible(settings, members, ratingOf.get(a.rating_id)!.interaction_type);
    const next = pool.find((m) => m.id > (turn ?? '')) ?? pool[0]!;
    expect(a.detail.assignee, 'the next in turn').toBe(next.id);
    turn = next.id;
  }
  expect(last).toBe(turn);

  // Newest first: after a burst, the latest complaint is opened on the first pass (issue 11).
  if (o.newestFirst) {
    const order = activity
      .filter((a) => a.action === 'followup.opened')
      .map((a) => BigInt(ratingOf.get(a.rating_id)!.seq));
    expect(order).toEqual([...order].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0)));
  }

  // The mark has passed every rating old enough to be surely committed, and no other.
  const settled = ratings.filter((r) => Date.parse(r.received_at) <= o.now - SETTLE_MS);
  expect(mark).toBe(settled.reduce((max, r) => (BigInt(r.seq) > max ? BigInt(r.seq) : max), 0n));
  await checkMark(db, site.siteId, []);
}
