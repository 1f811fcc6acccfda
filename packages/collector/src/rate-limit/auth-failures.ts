import type { BucketLimit } from '../config/types';
import { CollectorError } from '../errors';
import type { Logger } from '../log/logger';
import type { TokenBuckets } from './token-bucket';

/** 20 wrong keys at once, then one every 10 s, per client address. */
export const AUTH_FAILURE_LIMIT: BucketLimit = { burst: 20, perSecond: 0.1 };

/**
 * Slows down key guessing: each failed authentication takes a token from the address's
 * failure bucket; an empty bucket answers 429 before any key is even looked at. Each failure
 * is logged while the address is not yet limited, plus one line when it becomes limited, so a
 * flood cannot fill the log either.
 */
export class AuthFailures {
  readonly #buckets: TokenBuckets;
  readonly #logger: Logger;

  constructor(buckets: TokenBuckets, logger: Logger) {
    this.#buckets = buckets;
    this.#logger = logger;
  }

  /** Throws 429 while `client` is limited. */
  check(client: string): void {
    const wait = this.#buckets.peek(`authfail:${client}`, AUTH_FAILURE_LIMIT);
    if (wait > 0) throw limited(wait);
  }

  /** Records one failure; returns the error to throw (the original, or 429 once limited). */
  record(client: string, path: string, error: CollectorError): CollectorError {
    const key = `authfail:${client}`;
    const wait = this.#buckets.take(key, AUTH_FAILURE_LIMIT);
    if (wait > 0) return limited(wait);
    this.#logger.warn('authentication failed', { client, path, code: error.code });
    // That was the last try: say so once; later attempts get 429 from `check`, unlogged.
    const next = this.#buckets.peek(key, AUTH_FAILURE_LIMIT);
    if (next > 0) {
      this.#logger.warn('authentication failures limited', { client, path, retryAfter: next });
    }
    return error;
  }
}

function limited(wait: number): CollectorError {
  return new CollectorError('rate_limited', `too many failed authentications; retry in ${wait} s`, {
    retryAfter: wait,
  });
}
