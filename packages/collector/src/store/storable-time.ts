// PostgreSQL's timestamptz cannot hold year 0 and JavaScript can write six-digit years: a device
// time is kept as sent, but within years 1–9999, so no device clock can make an insert fail.
const MIN = Date.parse('0001-01-01T00:00:00.000Z');
const MAX = Date.parse('9999-12-31T23:59:59.999Z');

/** ISO 8601 UTC of a device time, clamped to what both stores can hold. */
export const storableTime = (ms: number): string =>
  new Date(Math.min(MAX, Math.max(MIN, ms))).toISOString();
