/** The reply standard our users hold themselves to: answer a low rating within 24 hours. */
export const SLA_MS = 24 * 60 * 60 * 1000;

export interface SlaState {
  status: 'due' | 'overdue';
  /** When the reply is due, in ms since the epoch. */
  dueAt: number;
  /** Time left (`due`) or time past the deadline (`overdue`), in ms, never negative. */
  ms: number;
}

/**
 * SLA of a low rating given at `eventTime` (the collector's skew-corrected time), at `now`.
 * Exactly 24 hours after the rating it is overdue.
 */
export function slaState(eventTime: string, now: number, slaMs = SLA_MS): SlaState {
  const dueAt = Date.parse(eventTime) + slaMs;
  return now >= dueAt
    ? { status: 'overdue', dueAt, ms: now - dueAt }
    : { status: 'due', dueAt, ms: dueAt - now };
}

export interface DurationUnits {
  s: string;
  min: string;
  h: string;
  d: string;
}

const EN: DurationUnits = { s: 's', min: 'min', h: 'h', d: 'd' };

/** Compact duration: `45 s`, `12 min`, `5 h`, `3 d` (rounded down, so 23 h 59 min is `23 h`). */
export function formatDuration(ms: number, units: DurationUnits = EN): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} ${units.s}`;
  const min = Math.floor(s / 60);
  if (min < 60) return `${min} ${units.min}`;
  const h = Math.floor(min / 60);
  if (h < 24) return `${h} ${units.h}`;
  return `${Math.floor(h / 24)} ${units.d}`;
}
