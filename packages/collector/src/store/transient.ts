/**
 * SQLSTATEs that running the same work again can clear: deadlock_detected (a verified rating's
 * displacement and a concurrent group insert can lock the same keys in opposite orders across
 * statements) and serialization_failure.
 */
const TRANSIENT_CODES = new Set(['40P01', '40001']);

const ATTEMPTS = 4;

/**
 * Runs `work` (one statement or one whole transaction, with no effect outside the database)
 * again after a transient conflict, so the client gets an answer instead of a 503 it would only
 * retry itself seconds later. Other failures, and the last attempt's, pass through unchanged.
 */
export async function retryTransient<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isTransient(error)) throw error;
      // Jittered, growing pauses so the two sides of a deadlock do not meet again in step.
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
    }
  }
}

function isTransient(error: unknown): boolean {
  // The store's guarded client wraps driver errors; the SQLSTATE is on the cause.
  for (let e: unknown = error, depth = 0; e && depth < 3; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && TRANSIENT_CODES.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
