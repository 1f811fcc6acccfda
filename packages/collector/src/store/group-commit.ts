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
  busy: boolean;
}

/** Ratings per merged statement; more waits for the next one (a 10k-row JSON parameter is slow to plan). */
const MAX_GROUP_RATINGS = 1_000;

/**
 * Group commit for unverified ratings: the inserts of concurrent requests for one site are
 * merged at the end of the event-loop turn into one statement, with one statement in flight per
 * site; what arrives meanwhile waits and goes in the next one. Ten requests of one rating then
 * cost one round trip, one plan execution, one trigger run and one commit instead of ten (the
 * commit's WAL flush is the expensive part on PostgreSQL; PGlite runs one statement at a time
 * anyway).
 *
 * Exactly-once is kept across the requests of a group: a rating whose id, or whose rater and
 * interaction, an earlier request of the group already claims is not sent at all; the earlier
 * one is either inserted or a duplicate of a stored rating, so the later one is a duplicate
 * either way, which it is reported as (its id is not in the set it gets back).
 *
 * If the merged statement fails, each request is retried alone, so one bad request cannot fail
 * the others; only its own failure reaches it.
 */
export function groupCommit(write: WritePart): WritePart {
  const lanes = new Map<string, SiteLane>();

  const run = async (siteId: string, lane: SiteLane) => {
    const group: Waiting[] = [];
    let size = 0;
    while (lane.waiting.length > 0 && (group.length === 0 || size < MAX_GROUP_RATINGS)) {
      const next = lane.waiting.shift()!;
      group.push(next);
      size += next.ratings.length;
    }
    lane.busy = true;
    try {
      if (group.length === 1) await settle(write, siteId, group[0]!);
      else await writeGroup(write, siteId, group);
    } finally {
      lane.busy = false;
      if (lane.waiting.length > 0) schedule(siteId, lane);
      else lanes.delete(siteId);
    }
  };

  const schedule = (siteId: string, lane: SiteLane) => {
    lane.busy = true;
    // setImmediate: after the I/O callbacks of this turn, so requests parsed together merge.
    setImmediate(() => void run(siteId, lane));
  };

  return (siteId, part) =>
    new Promise<Set<string>>((resolve, reject) => {
      let lane = lanes.get(siteId);
      if (!lane) {
        lane = { waiting: [], busy: false };
        lanes.set(siteId, lane);
      }
      lane.waiting.push({ ...part, resolve, reject });
      if (!lane.busy) schedule(siteId, lane);
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
