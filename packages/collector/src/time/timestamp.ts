// Strict ISO 8601 with a zone, as `Date.prototype.toISOString()` and most SDKs produce.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// Device clocks can be wildly wrong, but outside this window they are garbage, and bounding
// them keeps every derived time inside PostgreSQL's timestamptz range.
const MIN = Date.UTC(2000, 0, 1);
const MAX = Date.UTC(2100, 0, 1);

/** Parses a device timestamp; undefined when it is not a plausible ISO 8601 instant. */
export function parseTimestamp(value: string): number | undefined {
  if (value.length > 40 || !ISO.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= MIN && ms < MAX ? ms : undefined;
}
