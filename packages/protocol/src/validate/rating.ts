import { LIMITS } from '../limits';
import { isLocale } from '../rules/locale';
import { parseTimestamp } from '../rules/time';
import { isScale, SCALES, SOURCES } from '../scales';
import { inspectJson, isPlainObject, jsonBytes, UNSTORABLE } from './json';

/** One thing wrong with a rating: where (`score`, `tags[2]`, `user.traits`) and what. */
export interface Issue {
  path: string;
  message: string;
}

/** Any RFC 9562 UUID; the SDK makes v7. Compared case-insensitively. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks one rating against contract v1 and returns every problem (empty when valid). The SDK
 * runs it in `rate()` before queueing and the collector on each item it receives, so nothing the
 * SDK accepts is refused later for a reason the device could have known.
 *
 * Text people type (`comment`, `tags`) may hold NUL or a lone surrogate (an emoji cut at a length
 * limit): the collector repairs those with U+FFFD, so they are not refused here. In identifiers,
 * `meta` and `user` they are refused: changing an identifier changes what it identifies.
 */
export function validateRating(rating: unknown): Issue[] {
  const issues: Issue[] = [];
  const bad = (path: string, message: string) => issues.push({ path, message });
  if (!isPlainObject(rating)) {
    bad('', 'must be an object like { interactionId, scale, score }');
    return issues;
  }
  const r = rating;
  const text = (
    path: string,
    value: unknown,
    max: number,
    required = true,
    min = 1,
    free = false,
  ) => {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || value.length < min || value.length > max) {
      bad(path, `must be a string of ${min}–${max} characters`);
    } else if (!free && UNSTORABLE.test(value)) {
      bad(path, 'contains NUL or a lone surrogate');
    }
  };
  const json = (path: string, value: unknown, maxBytes: number) => {
    if (value === undefined) return;
    const problem = isPlainObject(value)
      ? (inspectJson(value) ??
        (jsonBytes(value) > maxBytes ? `must be at most ${maxBytes} bytes of JSON` : ''))
      : 'must be a JSON object';
    if (problem) bad(path, problem);
  };

  if (typeof r.id !== 'string' || !UUID.test(r.id)) bad('id', 'must be a UUID');
  text('interactionId', r.interactionId, LIMITS.interactionId);
  text('interactionType', r.interactionType, LIMITS.interactionType, false);
  if (!isScale(r.scale)) {
    bad('scale', `must be one of ${Object.keys(SCALES).join(', ')}`);
  } else {
    const [min, max] = SCALES[r.scale];
    const s = r.score;
    if (!Number.isInteger(s) || (s as number) < min || (s as number) > max) {
      bad('score', `must be an integer from ${min} to ${max} on the ${r.scale} scale`);
    }
  }
  if (r.tags !== undefined) {
    if (!Array.isArray(r.tags) || r.tags.length > LIMITS.tags) {
      bad('tags', `must be an array of at most ${LIMITS.tags} strings`);
    } else {
      for (const [i, tag] of r.tags.entries()) text(`tags[${i}]`, tag, LIMITS.tag, true, 1, true);
    }
  }
  text('comment', r.comment, LIMITS.comment, false, 0, true);
  text('raterId', r.raterId, LIMITS.raterId);
  if (r.user !== undefined) {
    if (!isPlainObject(r.user)) bad('user', 'must be an object like { id, traits }');
    else {
      text('user.id', r.user.id, LIMITS.raterId, false);
      json('user.traits', r.user.traits, LIMITS.traitsBytes);
    }
  }
  json('meta', r.meta, LIMITS.metaBytes);
  if (r.locale !== undefined && !isLocale(r.locale)) {
    bad('locale', `must be a BCP 47 tag like en-US, at most ${LIMITS.locale} characters`);
  }
  if (!SOURCES.includes(r.source as never)) bad('source', `must be one of ${SOURCES.join(', ')}`);
  text('channel', r.channel, LIMITS.channel, false, 0);
  text('token', r.token, LIMITS.token, false);
  if (parseTimestamp(r.createdAt) === undefined) {
    bad('createdAt', 'must be an ISO 8601 time with a zone');
  }
  return issues;
}
