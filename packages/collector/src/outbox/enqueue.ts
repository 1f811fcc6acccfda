import type { SqlClient } from '../store/sql-client';
import type { EventType } from './event-types';

/** One event to deliver; `data` is the payload's `data` member, as documented per type. */
export interface OutboxEvent {
  type: EventType;
  data: Record<string, unknown>;
  /** The rater it is about: erasing that rater deletes the event and cancels its deliveries. */
  raterId?: string | null;
  /** The site's own user id, erased with the rater too (ratings are erased by either). */
  userId?: string | null;
  /** What it is about, e.g. the rating id; replay and the log can find events by it. */
  subjectId?: string | null;
}

const INSERT_EVENTS = `
INSERT INTO raaye_events (site_id, type, rater_id, user_id, subject_id, data, created_at)
SELECT $1, e.type, e."raterId", e."userId", e."subjectId", e.data, $3::timestamptz
FROM jsonb_to_recordset($2::text::jsonb)
  AS e(type text, "raterId" text, "userId" text, "subjectId" text, data jsonb)`;

/**
 * Writes events into the outbox. Call it with the transaction that makes the change the events
 * describe, so both commit or neither does:
 *
 *     await db.transaction(async (tx) => {
 *       await tx.query('UPDATE …');
 *       await enqueueEvents(tx, siteId, [{ type: 'sla.breached', raterId, subjectId, data }], at);
 *     });
 *
 * The delivery worker picks them up (at once in this process, within a poll interval in others)
 * and fans each out to the site's destinations that subscribe to its type and match its filter.
 */
export async function enqueueEvents(
  tx: SqlClient,
  siteId: string,
  events: OutboxEvent[],
  at: string,
): Promise<void> {
  if (events.length === 0) return;
  await tx.query(INSERT_EVENTS, [siteId, JSON.stringify(events), at]);
}
