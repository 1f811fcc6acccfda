/**
 * Exponential backoff with "equal jitter": half the window fixed, half random, so retries from
 * a burst spread out but never come sooner than half the nominal delay (AWS architecture blog,
 * "Exponential Backoff And Jitter"). attempt 1 → base, 2 → 2×base, … capped at `maxMs`.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random = Math.random) {
  const nominal = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(nominal / 2 + (random() * nominal) / 2);
}

/** `Retry-After` as seconds or an HTTP date, in ms from `now`; undefined when absent or bad. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
