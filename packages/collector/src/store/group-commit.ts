import type { OutboxEvent } from '../outbox/enqueue';
import type { NewRating } from './types';

/** One request's share of a group: its ratings and the outbox events they cause. */
export interface GroupPart {
  ratings: NewRating[];
  events: OutboxEvent[];
}

/** Writes one part (a whole group merged into one) in one statement; resolves the ids inserted. */
export type WritePart = (siteId: string, part: GroupPart) => Promise<Set<string>>;

interface Waiting extends GroupPart {
  resolve(ids: Set<string>): void;
  reject(error: unknown): void;
}

interface SiteLane {
  waiting: Waiting[];
  /** Statements of this site in flight. */
  running: number;
  /** A `run` is queued with setImmediate. */
  scheduled: boolean;
}

/** Ratings per merged statement; more waits for the next one (a 10k-row JSON parameter is slow to plan). */
const MAX_GROUP_RATINGS = 1_000;

/**
 * Statements in flight per site. With one, the lane sat idle about half the time under
 * batch-1 load (profiled, issue 16): the requests of the next group were still being answered,
 * sent and parsed while nothing was at the database, and then the database waited for them.
 * A second statement overlaps those two halves (+40–50 % ratings/s at batch 1 in A/B runs on
 * this 2-core box); a third measured no clear gain and costs another commit.
 */
export const IN_FLIGHT = 2;

/**
 * Group commit for unverified ratings: the inserts of concurrent requests for one site are
 * merged at the end of the event-loop turn into one statement, with at most `IN_FLIGHT`
 * statements in flight per site; what arrives meanwhile waits and goes in the next one. Ten
 * requests of one rating then cost a few round trips, plan executions, trigger runs and commits
 * instead of ten (the commit's WAL flush is the expensive part on PostgreSQL; PGlite runs one
 * statement at a time anyway).
 *
 * Exactly-once is kept across the requests of a group: a rating whose id, or whose rater and
 * interaction, an earlier request of the group already claims is not sent at all; the earlier
 * one is either inserted or a duplicate of a stored rating, so the later one is a duplicate
 * either way, which it is reported as (its id is not in the set it gets back). Between groups in
 * flight together it rests where it rests between collector processes: on the unique
 * constraints (`ON CONFLICT DO NOTHING` waits for the other statement and then skips).
 *
 * If the merged statement fails, each request is retried alone, so one bad request cannot fail
 * the others; only its own failure reaches it.
 */
export function groupCommit(write: WritePart): WritePart {
  const lanes = new Map<string, SiteLane>();

  const run = async (siteId: string, lane: SiteLane) => {
    lane.scheduled = false;
    const group: Waiting[] = [];
    let size = 0;
    while (lane.waiting.length > 0 && (group.length === 0 || size < MAX_GROUP_RATINGS)) {
      const head = lane.waiting.shift()!;
      group.push(head);
      size += head.ratings.length;
    }
    if (group.length === 0) return next(siteId, lane);
    lane.running++;
    next(siteId, lane); // what a full group left behind may take the other slot
    try {
      if (group.length === 1) await settle(write, siteId, group[0]!);
      else await writeGroup(write, siteId, group);
    } finally {
      lane.running--;
      next(siteId, lane);
    }
  };

  // setImmediate: after the I/O callbacks of this turn, so requests parsed together merge.
  const next = (siteId: string, lane: SiteLane) => {
    if (lane.scheduled) return;
    if (lane.waiting.length > 0) {
      if (lane.running >= IN_FLIGHT) return;
      lane.scheduled = true;
      setImmediate(() => void run(siteId, lane));
    } else if (lane.running === 0) lanes.delete(siteId);
  };

  return (siteId, part) =>
    new Promise<Set<string>>((resolve, reject) => {
      let lane = lanes.get(siteId);
      if (!lane) {
        lane = { waiting: [], running: 0, scheduled: false };
        lanes.set(siteId, lane);
      }
      lane.waiting.push({ ...part, resolve, reject });
      next(siteId, lane);
    });
}

async function settle(write: WritePart, siteId: string, one: Waiting): Promise<void> {
  try {
    one.resolve(await write(siteId, one));
  } catch (error) {
    one.reject(error);
  }
}

async function writeGroup(write: WritePart, siteId: string, group: Waiting[]): Promise<void> {
  const ids = new Set<string>();
  const slots = new Set<string>();
  const merged: GroupPart = { ratings: [], events: [] };
  const sent = group.map((member) => {
    const own = new Set<string>();
    for (const r of member.ratings) {
      const slot = `${r.raterId}\u0000${r.interactionId}`;
      if (ids.has(r.id) || slots.has(slot)) continue;
      ids.add(r.id);
      slots.add(slot);
      own.add(r.id);
      merged.ratings.push(r);
    }
    for (const e of member.events) if (e.subjectId && own.has(e.subjectId)) merged.events.push(e);
    return own;
  });
  let inserted: Set<string>;
  try {
    inserted = await write(siteId, merged);
  } catch {
    // One of them may be the cause: each on its own, in order, so the rest still commit.
    for (const member of group) await settle(write, siteId, member);
    return;
  }
  group.forEach((member, i) => {
    const own = sent[i]!;
    member.resolve(new Set([...own].filter((id) => inserted.has(id))));
  });
}
