import { type BusinessHours, WEEKDAYS, type Weekday } from '@raaye/protocol';
import { localParts, zonedInstant } from './zoned-time';

// The shapes are the contract's (the dashboard edits them); the arithmetic is the collector's.
export { type BusinessHours, WEEKDAYS, type Weekday };

const RANGE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of opening and closing; undefined when `text` is not `HH:MM-HH:MM`. */
export function parseRange(text: string): { open: number; close: number } | undefined {
  const m = RANGE.exec(text);
  if (!m) return undefined;
  const open = Number(m[1]) * 60 + Number(m[2]);
  const close = Number(m[3]) * 60 + Number(m[4]);
  return close > open && close <= 24 * 60 ? { open, close } : undefined;
}

/**
 * The instant `durationMs` of business time after `start`: time outside the opening hours does
 * not count. Without business hours, plain wall-clock time.
 */
export function addBusinessTime(
  start: number,
  durationMs: number,
  hours: BusinessHours | null,
): number {
  if (!hours) return start + durationMs;
  let remaining = durationMs;
  let t = start;
  // Two years of days is far beyond any reply target; it bounds the loop if no day is open.
  for (let i = 0; i < 731; i++) {
    const p = localParts(t, hours.timeZone);
    const range = parseRange(hours.days[WEEKDAYS[p.weekday]!] ?? '');
    if (range) {
      const open = zonedInstant(p.year, p.month, p.day, 0, range.open, hours.timeZone);
      const close = zonedInstant(p.year, p.month, p.day, 0, range.close, hours.timeZone);
      if (t < open) t = open;
      if (t < close) {
        if (remaining <= close - t) return t + remaining;
        remaining -= close - t;
      }
    }
    t = zonedInstant(p.year, p.month, p.day + 1, 0, 0, hours.timeZone);
  }
  return start + durationMs;
}
