import type { RatingFilter } from '../api/types';

const DAY_MS = 86_400_000;

/** What the filter bar edits: whole UTC days, `to` inclusive (as people read a range). */
export interface DayRange {
  /** `YYYY-MM-DD` or '' for open. */
  from: string;
  to: string;
}

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The last `days` UTC days, today included. */
export function lastDays(days: number, now = Date.now()): DayRange {
  return { from: isoDay(now - (days - 1) * DAY_MS), to: isoDay(now) };
}

/** Day range → the API's `from` (inclusive) and `to` (exclusive, the next midnight UTC). */
export function rangeFilter(range: DayRange): Pick<RatingFilter, 'from' | 'to'> {
  const filter: Pick<RatingFilter, 'from' | 'to'> = {};
  if (isDay(range.from)) filter.from = `${range.from}T00:00:00.000Z`;
  if (isDay(range.to))
    filter.to = new Date(Date.parse(`${range.to}T00:00:00Z`) + DAY_MS).toISOString();
  return filter;
}

/** Every UTC day from `first` to `last`, inclusive; at most `max` (the most recent ones). */
export function daysBetween(first: string, last: string, max = 366): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  const end = Date.parse(`${last}T00:00:00Z`);
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) return [];
  const from = Math.max(start, end - (max - 1) * DAY_MS);
  const days: string[] = [];
  for (let t = from; t <= end; t += DAY_MS) days.push(isoDay(t));
  return days;
}

/** True when `time` (ISO 8601) falls inside the API filter's [from, to). */
export function inRange(time: string, filter: Pick<RatingFilter, 'from' | 'to'>): boolean {
  return (!filter.from || time >= filter.from) && (!filter.to || time < filter.to);
}

function isDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && Number.isFinite(Date.parse(`${text}T00:00:00Z`));
}
