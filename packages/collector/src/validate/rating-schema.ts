import { LIMITS, SCALES, type Scale, SOURCES } from '@raaye/core/contract';
import * as v from 'valibot';
import { parseTimestamp } from '../time/timestamp';
import { inspectJson, isPlainObject, jsonBytes } from './json-shape';

/** Any RFC 9562 UUID; the SDK makes v7, older clients v4. Compared case-insensitively. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// BCP 47 shape only (language, script, region, variants); the registry itself is not checked.
const LOCALE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

const SCALE_NAMES = Object.keys(SCALES) as Scale[];

const boundedString = (min: number, max: number) =>
  v.pipe(v.string(), v.minLength(min, `must have ${min} to ${max} characters`), v.maxLength(max));

const timestamp = v.pipe(
  v.string(),
  v.check(
    (s) => parseTimestamp(s) !== undefined,
    'must be an ISO 8601 time with a zone, 2000–2099',
  ),
);

const jsonObject = (maxBytes: number) =>
  v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, 'must be an object'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const problem = inspectJson(dataset.value);
      if (problem) addIssue({ message: problem });
      else if (jsonBytes(dataset.value) > maxBytes)
        addIssue({ message: `must be at most ${maxBytes} bytes of JSON` });
    }),
  );

export const RatingSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(UUID, 'must be a UUID')),
    interactionId: boundedString(1, LIMITS.interactionId),
    interactionType: v.optional(boundedString(1, LIMITS.interactionType)),
    scale: v.picklist(SCALE_NAMES, `must be one of ${SCALE_NAMES.join(', ')}`),
    score: v.pipe(v.number('must be a number'), v.integer('must be an integer')),
    tags: v.optional(
      v.pipe(
        v.array(boundedString(1, LIMITS.tag)),
        v.maxLength(LIMITS.tags, `must have at most ${LIMITS.tags} tags`),
      ),
    ),
    comment: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.comment))),
    raterId: boundedString(1, LIMITS.raterId),
    user: v.optional(
      v.object({
        id: v.optional(boundedString(1, LIMITS.raterId)),
        traits: v.optional(jsonObject(LIMITS.traitsBytes)),
      }),
    ),
    meta: v.optional(jsonObject(LIMITS.metaBytes)),
    locale: v.optional(
      v.pipe(v.string(), v.maxLength(LIMITS.locale), v.regex(LOCALE, 'must be a BCP 47 tag')),
    ),
    source: v.picklist(SOURCES, `must be one of ${SOURCES.join(', ')}`),
    createdAt: timestamp,
    /** Rater token from the site's backend (`signRaterToken`); checked by the route. */
    token: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(1024))),
    // Contract 1.1. Any short string is accepted so a newer SDK's channel never gets a rating
    // rejected; the route keeps only the channels a device may claim (see wireChannel).
    channel: v.optional(v.pipe(v.string(), v.maxLength(32))),
  }),
  v.forward(
    v.check(({ scale, score }) => {
      const [min, max] = SCALES[scale];
      return score >= min && score <= max;
    }, 'is outside the range of the scale'),
    ['score'],
  ),
);

export type ValidRating = v.InferOutput<typeof RatingSchema>;

// Only what the collector needs to answer per item; the rest is checked by RatingSchema.
export const EnvelopeSchema = v.object({
  siteKey: boundedString(1, 128),
  sentAt: timestamp,
  ratings: v.pipe(
    v.array(
      v.looseObject({ id: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
      'must be an array of rating objects',
    ),
    v.minLength(1, 'must hold at least one rating'),
    v.maxLength(LIMITS.batchRatings, `must hold at most ${LIMITS.batchRatings} ratings`),
  ),
});
