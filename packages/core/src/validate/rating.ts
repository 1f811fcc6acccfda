import { LIMITS, SCALES, type Scale } from '../contract';
import { RaayeError } from '../errors/RaayeError';
import type { RatingInput } from '../types';
import { jsonBytes } from './json-bytes';

const invalid = (path: string, message: string) =>
  new RaayeError('invalid_rating', `rate(): ${path} ${message}`, { path });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type ErrorFactory = (path: string, message: string) => RaayeError;

export function checkText(
  value: unknown,
  path: string,
  max: number,
  required: boolean,
  min = +required,
  error: ErrorFactory = invalid,
): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'string' || value.length < min || value.length > max) {
    throw error(path, `must be a string of ${min}–${max} characters (got ${describe(value)}).`);
  }
}

/** `meta` and `user.traits`: a JSON object within `maxBytes`, that the collector can store. */
export function checkJson(value: unknown, path: string, maxBytes: number, error = invalid): void {
  // Deeper rules (nesting, NUL, reserved keys) are left to the collector: they catch developer
  // mistakes in `meta`, which the `rejected` event reports, and are not worth their bytes here.
  if (!isPlainObject(value) || jsonBytes(value) > maxBytes) {
    throw error(path, `must be a JSON object of at most ${maxBytes} bytes.`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `${value.length} characters`;
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}

/**
 * Validates a rating against contract v1 before it enters the queue, so a rating the collector
 * would reject for its shape, ranges or sizes never takes up space on the device. (Text the
 * database cannot hold, NUL and lone surrogates, is repaired by the collector, not refused.)
 */
export function validateRating(input: unknown): RatingInput {
  if (!isPlainObject(input))
    throw invalid('input', 'must be an object like { interactionId, scale, score }.');
  const { interactionId, interactionType, scale, score, tags, comment, meta, locale } = input;
  checkText(interactionId, 'interactionId', LIMITS.interactionId, true);
  checkText(interactionType, 'interactionType', LIMITS.interactionType, false, 1);
  const range = SCALES[scale as Scale];
  if (typeof scale !== 'string' || !Object.hasOwn(SCALES, scale) || !range) {
    throw invalid(
      'scale',
      `must be one of ${Object.keys(SCALES).join(', ')} (got ${String(scale)}).`,
    );
  }
  if (!Number.isInteger(score) || (score as number) < range[0] || (score as number) > range[1]) {
    throw invalid(
      'score',
      `must be an integer from ${range[0]} to ${range[1]} for scale ${scale} (got ${String(score)}).`,
    );
  }
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.length > LIMITS.tags) {
      throw invalid('tags', `must be an array of at most ${LIMITS.tags} strings.`);
    }
    for (const [i, tag] of tags.entries()) checkText(tag, `tags[${i}]`, LIMITS.tag, true);
  }
  checkText(comment, 'comment', LIMITS.comment, false);
  checkText(locale, 'locale', LIMITS.locale, false);
  if (meta !== undefined) checkJson(meta, 'meta', LIMITS.metaBytes);
  return input as unknown as RatingInput;
}

export { isPlainObject };
