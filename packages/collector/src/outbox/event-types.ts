/**
 * Every event the outbox can carry. Adding one is one line here (plus its payload in
 * docs/webhooks.md); then `enqueueEvents(tx, siteId, [{ type, data, … }], at)` inside the
 * transaction that causes it. Destinations subscribe by name in their `events` list, and the
 * Slack, Teams and e-mail formats fall back to a generic message for types they do not know.
 */
export const EVENT_TYPES = [
  /** Every accepted rating. data: { site, rating } */
  'rating.created',
  /** A rating whose score is low on its scale (the follow-up queue). data: { site, rating } */
  'rating.low',
  /** Someone replied to a low rating. data: { site, rating, reply: { by, note, at } } */
  'followup.replied',
  /**
   * A destination failed too often and was switched off.
   * data: { site, destination, reason, recipients } (recipients: the site's owner members)
   */
  'destination.disabled',
  // The team inbox (src/inbox/events.ts has their data; `recipients` names the people meant).
  'followup.assigned',
  'sla.breaching',
  'sla.breached',
  'inbox.digest',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
