import { LIMITS, parseTimestamp } from '@raaye/protocol';
import * as v from 'valibot';

const boundedString = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min, `must have ${min} to ${max} characters`), v.maxLength(max));

// Only what the collector needs to answer per item; each rating is then checked on its own with
// @raaye/protocol's `validateRating`. `sentAt` must have the shape `toISOString()` writes, but
// its value is never refused: a device clock in 1970 or 2101 is wrong, not malformed.
export const EnvelopeSchema = v.object({
  siteKey: boundedString(1, LIMITS.siteKey),
  sentAt: v.pipe(
    v.string(),
    v.check((s) => parseTimestamp(s) !== undefined, 'must be an ISO 8601 time with a zone'),
  ),
  ratings: v.pipe(
    v.array(
      v.looseObject({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
      'must be an array of rating objects',
    ),
    v.minLength(1, 'must hold at least one rating'),
    v.maxLength(LIMITS.batchRatings, `must hold at most ${LIMITS.batchRatings} ratings`),
  ),
});
