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
  /**
   * An unverified rating was replaced by the verified rater's own (`raters: 'open'`, issue 11):
   * forget it. data: { site, rating (the displaced one), displacedBy (the verified rating's id) }
   */
  'rating.displaced',
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

// A destination that may have been sent a rating is also told when it is displaced, whether or
// not it lists `rating.displaced`: otherwise a forged rating would stand in its systems for good.
const IMPLIED: Partial<Record<EventType, readonly EventType[]>> = {
  'rating.displaced': ['rating.created', 'rating.low'],
};

/** Whether a destination subscribed to `events` receives `type` (its list, plus what it implies). */
export function receives(events: readonly EventType[], type: string): boolean {
  if ((events as readonly string[]).includes(type)) return true;
  return IMPLIED[type as EventType]?.some((t) => events.includes(t)) ?? false;
}
