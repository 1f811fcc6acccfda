import type { BucketLimit } from '../config/types';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * In-memory token buckets keyed by string (site key, client address). Per process: with several
 * collector instances each enforces its own share, which is fine for abuse protection.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor(now: () => number = Date.now, maxKeys = 100_000) {
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Takes one token; returns 0 when allowed, else the whole seconds to wait. */
  take(key: string, limit: BucketLimit): number {
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (bucket) {
      const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
      bucket.tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
      bucket.updatedAt = now;
    } else {
      this.#evictIfFull();
      bucket = { tokens: limit.burst, updatedAt: now };
      this.#buckets.set(key, bucket);
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
  }

  /** Like `take` without taking: 0 when a token is there, else the whole seconds to wait. */
  peek(key: string, limit: BucketLimit): number {
    const bucket = this.#buckets.get(key);
    if (!bucket) return 0;
    const elapsed = Math.max(0, this.#now() - bucket.updatedAt) / 1000;
    const tokens = Math.min(limit.burst, bucket.tokens + elapsed * limit.perSecond);
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / limit.perSecond));
  }

  // A flood of spoofed addresses must not grow memory without bound; dropping the oldest
  // buckets only ever hands a client a fresh (full) bucket, never blocks anyone.
  #evictIfFull(): void {
    if (this.#buckets.size < this.#maxKeys) return;
    let n = Math.ceil(this.#maxKeys / 10);
    for (const key of this.#buckets.keys()) {
      this.#buckets.delete(key);
      if (--n === 0) break;
    }
  }
}
