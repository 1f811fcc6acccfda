import {
  validateRating as contractIssues,
  inspectJson,
  isPlainObject,
  jsonBytes,
  normalizeLocale,
} from '@raaye/protocol';
import { RaayeError } from '../errors/RaayeError';
import type { Rating, RatingInput } from '../types';

const invalid = (path: string, message: string) =>
  new RaayeError('invalid_rating', `rate(): ${path} ${message}`, { path });

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

/** `meta` and `user.traits`: a JSON object within `maxBytes` that the collector can store. */
export function checkJson(value: unknown, path: string, maxBytes: number, error = invalid): void {
  const problem = isPlainObject(value)
    ? (inspectJson(value) ?? (jsonBytes(value) > maxBytes ? `is over ${maxBytes} bytes` : ''))
    : 'is not an object';
  if (problem)
    throw error(path, `must be a JSON object of at most ${maxBytes} bytes (${problem}).`);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `${value.length} characters`;
  return Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value;
}

/**
 * First half of `rate()`'s check, on what the caller passed: an object, with a POSIX locale
 * (`en_US`) turned into BCP 47 (`en-US`) rather than refused.
 */
export function validateRating(input: unknown): RatingInput {
  if (!isPlainObject(input)) {
    throw invalid('input', 'must be an object like { interactionId, scale, score }.');
  }
  const { locale } = input;
  return (typeof locale === 'string'
    ? { ...input, locale: normalizeLocale(locale) }
    : input) as unknown as RatingInput;
}

/**
 * Second half, on the rating as it will travel: the collector's own validator
 * (`@raaye/protocol`), so a rating `rate()` queues is never refused later for a reason the device
 * could have known. Throws the first problem as `invalid_rating` with its path.
 */
export function checkRating(rating: Rating): Rating {
  const issue = contractIssues(rating)[0];
  if (issue) throw invalid(issue.path, `${issue.message}.`);
  return rating;
}

export { isPlainObject };
