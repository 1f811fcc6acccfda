import type { BucketLimit } from '../config/types';
import { CollectorError } from '../errors';
import type { TokenBuckets } from './token-bucket';

export function enforce(buckets: TokenBuckets, key: string, limit: BucketLimit): void {
  const wait = buckets.take(key, limit);
  if (wait > 0) {
    throw new CollectorError('rate_limited', `too many requests; retry in ${wait} s`, {
      retryAfter: wait,
    });
  }
}
