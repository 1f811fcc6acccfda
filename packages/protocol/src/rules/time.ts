const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * How long device times are believed. The SDK keeps a rating at most `maxQueueAgeMs` (its
 * `queue.maxAgeMs` option may not exceed it); the collector trusts a rating's age as the device
 * measured it (`sentAt − createdAt`) only inside [−`skewMs`, `maxQueueAgeMs` + `marginMs`].
 */
export const TIME_WINDOW = {
  /** Default `queue.maxAgeMs` of the SDK. */
  defaultQueueAgeMs: 7 * DAY,
  /** Largest `queue.maxAgeMs` the SDK accepts. */
  maxQueueAgeMs: 30 * DAY,
  /** Slack above the queue age: a device asleep or offline across the limit. */
  marginMs: DAY,
  /** A clock stepped back a little between rating and sending (NTP) is not a suspect clock. */
  skewMs: 5 * MINUTE,
} as const;

// ISO 8601 with a zone, as `Date.prototype.toISOString()` writes it, including its six-digit
// signed years (`+275760-…`), so no clock a device can have makes an unreadable timestamp.
const ISO = /^([+-]\d{6}|\d{4})-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a device timestamp (`createdAt`, `sentAt`) as epoch ms; undefined when it is not an
 * ISO 8601 instant. Any year is accepted: a device clock in 1970 or 2101 is wrong, not invalid,
 * and only the interval between two readings of that clock is ever trusted (`eventTimeOf`).
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40 || !ISO.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * When a rating was made, by the collector's clock: `receivedAt − (sentAt − createdAt)`. Only the
 * interval between creating and sending comes from the device (R13, like Snowplow's
 * derived_tstamp). An interval outside `TIME_WINDOW` means the device clock changed between the
 * two readings (or was set to back-date): the rating is placed at `receivedAt` and flagged.
 */
export function eventTimeOf(
  receivedAt: number,
  sentAt: number,
  createdAt: number,
): { eventTime: number; clockSuspect: boolean } {
  const age = sentAt - createdAt;
  const believable =
    age >= -TIME_WINDOW.skewMs && age <= TIME_WINDOW.maxQueueAgeMs + TIME_WINDOW.marginMs;
  return believable
    ? { eventTime: receivedAt - Math.max(0, age), clockSuspect: false }
    : { eventTime: receivedAt, clockSuspect: true };
}
