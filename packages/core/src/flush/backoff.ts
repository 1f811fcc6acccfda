/** Longest wait a server may impose through Retry-After; a bigger value is a misconfiguration. */
export const MAX_RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Full-jitter exponential backoff (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * a uniform delay in [0, min(cap, base·2^attempt)], so many devices coming back online together
 * do not retry in lockstep.
 */
export function backoffDelay(
  attempt: number,
  baseMs: number,
  capMs: number,
  random = Math.random,
): number {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30)));
}

/** Parses `Retry-After` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3); undefined if absent/bad. */
export function parseRetryAfter(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const ms = /^\d+$/.test(trimmed)
    ? Number(trimmed) * 1000
    : /[a-z]/i.test(trimmed)
      ? Date.parse(trimmed) - now
      : Number.NaN;
  return Number.isNaN(ms) ? undefined : Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** How the queue treats an HTTP status (design: "The SDK treats …"). */
export type Outcome = 'results' | 'retry' | 'split' | 'dead';

export function classify(status: number): Outcome {
  if (status >= 200 && status < 300) return 'results';
  if (status === 413) return 'split';
  if (status === 408 || status === 425 || status === 429 || status >= 500 || status === 0)
    return 'retry';
  return 'dead';
}
