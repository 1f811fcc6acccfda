import { validateRating as contractIssues, parseTimestamp, type WireRating } from '@raaye/protocol';
import * as v from 'valibot';
import { CollectorError } from '../errors';
import { issuePath } from './issue-path';
import { EnvelopeSchema } from './rating-schema';
import { findUnsafeText, repairFreeText } from './text-safety';

export interface ParsedEnvelope {
  siteKey: string;
  /**
   * The device clock when sending. Whatever it reads, it is never a reason to refuse the batch:
   * only the interval between `createdAt` and `sentAt` is used (`eventTimeOf`).
   */
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
  | { ok: true; rating: WireRating }
  | { ok: false; error: { code: string; message: string; path?: string } };

const refuse = (path: string, message: string): ItemValidation => ({
  ok: false,
  error: { code: 'invalid_rating', message, path },
});

/**
 * Validates one rating with the contract's validator (the one `rate()` runs on the device), after
 * repairing typed text; the error path is relative to the envelope (`ratings[3].score`).
 */
export function validateRating(input: unknown, index: number): ItemValidation {
  const raw = repairFreeText(input);
  const prefix = `ratings[${index}]`;
  const issue = contractIssues(raw)[0];
  if (issue) {
    const path = issue.path ? `${prefix}.${issue.path}`.replace('.[', '[') : prefix;
    return refuse(path, `${path}: ${issue.message}`);
  }
  const rating = pick(raw as WireRating);
  // Defence in depth: nothing unstorable may reach the database, even if the contract's
  // validator is ever loosened.
  const unsafe = findUnsafeText(rating, prefix);
  return unsafe ? refuse(unsafe.path, unsafe.message) : { ok: true, rating };
}

/** The contract's fields only: anything else a client sends is ignored, not stored. */
function pick(r: WireRating): WireRating {
  const { id, interactionId, interactionType, scale, score, tags, comment, raterId } = r;
  const { user, meta, locale, source, createdAt, channel, token } = r;
  return {
    id,
    interactionId,
    interactionType,
    scale,
    score,
    tags,
    comment,
    raterId,
    user: user && { id: user.id, traits: user.traits },
    meta,
    locale,
    source,
    createdAt,
    channel,
    token,
  };
}
