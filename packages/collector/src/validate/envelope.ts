import * as v from 'valibot';
import { CollectorError } from '../errors';
import { parseTimestamp } from '../time/timestamp';
import { issuePath } from './issue-path';
import { EnvelopeSchema, RatingSchema, type ValidRating } from './rating-schema';
import { findUnsafeText, repairFreeText } from './text-safety';

export interface ParsedEnvelope {
  siteKey: string;
  sentAt: number;
  /** Raw items; each is validated on its own so one poison rating never sinks its neighbours. */
  items: Array<{ id: string; raw: unknown }>;
}

/** Validates the envelope; throws a 400 naming the bad field's path. */
export function parseEnvelope(body: unknown): ParsedEnvelope {
  const result = v.safeParse(EnvelopeSchema, body, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const path = issuePath(issue);
    throw new CollectorError('invalid_body', `${path || 'body'}: ${issue.message}`, {
      path: path || undefined,
    });
  }
  const { siteKey, sentAt, ratings } = result.output;
  return {
    siteKey,
    sentAt: parseTimestamp(sentAt)!,
    items: ratings.map((raw) => ({ id: raw.id, raw })),
  };
}

export type ItemValidation =
  | { ok: true; rating: ValidRating }
  | { ok: false; error: { code: string; message: string; path?: string } };

/** Validates one rating; the error path is relative to the envelope (`ratings[3].score`). */
export function validateRating(input: unknown, index: number): ItemValidation {
  const raw = repairFreeText(input);
  const unsafe = findUnsafeText(raw, `ratings[${index}]`);
  if (unsafe) {
    return {
      ok: false,
      error: { code: 'invalid_rating', message: unsafe.message, path: unsafe.path },
    };
  }
  const result = v.safeParse(RatingSchema, raw, { abortEarly: true });
  if (result.success) return { ok: true, rating: result.output };
  const issue = result.issues[0];
  const path = issuePath(issue, `ratings[${index}]`);
  return {
    ok: false,
    error: { code: 'invalid_rating', message: `${path}: ${issue.message}`, path },
  };
}
