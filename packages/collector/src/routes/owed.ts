import { LIMITS, SCALES, type Scale } from '@raaye/core/contract';
import * as v from 'valibot';
import { checkRater } from '../auth/rater-check';
import { RATER_TOKEN_KIND } from '../auth/rater-token';
import { signToken } from '../auth/signed-token';
import { CollectorError } from '../errors';
import { jsonWithEtag } from '../http/etag';
import { readJsonBody } from '../http/json-body';
import { json } from '../http/respond';
import { parseTimestamp } from '../time/timestamp';
import { findUnsafeText } from '../validate/text-safety';
import type { SiteContext } from './context';

const DAY = 86_400_000;
const MAX_TTL = 90 * DAY;

const OwedSchema = v.object({
  raterId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.raterId)),
  interactionId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.interactionId)),
  interactionType: v.optional(
    v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.interactionType)),
  ),
  prompt: v.optional(v.pipe(v.string(), v.maxLength(500))),
  scale: v.optional(v.picklist(Object.keys(SCALES) as Scale[])),
  /** ISO 8601; default 7 days from now, at most 90. */
  expiresAt: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => parseTimestamp(s) !== undefined, 'must be an ISO 8601 time'),
    ),
  ),
});

/** `POST /v1/owed` (secret key, from the site's backend): this rater owes a rating. */
export async function postOwed(ctx: SiteContext): Promise<Response> {
  const { site } = ctx;
  const body = await readJsonBody(ctx.request, OwedSchema);
  const now = ctx.deps.now();
  const expires = body.expiresAt === undefined ? now + 7 * DAY : parseTimestamp(body.expiresAt)!;
  if (expires <= now || expires > now + MAX_TTL) {
    throw new CollectorError('invalid_body', 'expiresAt must be in the future, within 90 days', {
      path: 'expiresAt',
    });
  }
  const owed = await ctx.deps.store.addOwed(site.id, {
    raterId: body.raterId,
    interactionId: body.interactionId,
    interactionType: body.interactionType ?? null,
    prompt: body.prompt ?? null,
    scale: body.scale ?? null,
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(expires).toISOString(),
  });
  return json({ owed }, 201);
}

/**
 * `GET /v1/owed?raterId=…&token=…` with the public site key (`siteKey=pk_…` or `Authorization:
 * Bearer pk_…`) and a rater token for that rater (`token=` or `Raaye-Rater-Token:`): what the
 * rater still owes, so the widget can ask on whichever device opens next. Each entry carries a
 * token bound to its interaction, good until the entry expires, for the rating to send.
 */
export async function getOwed(ctx: SiteContext): Promise<Response> {
  const { deps, url, site } = ctx;
  const raterId = url.searchParams.get('raterId');
  if (!raterId || raterId.length > LIMITS.raterId || findUnsafeText(raterId, 'raterId')) {
    throw new CollectorError('invalid_body', 'raterId must have 1–128 characters', {
      path: 'raterId',
    });
  }
  const token = url.searchParams.get('token') ?? ctx.request.headers.get('raaye-rater-token');
  const now = deps.now();
  const rater = checkRater(site, token ?? undefined, raterId, undefined, now, now);
  if (!rater.ok || !rater.verified) {
    const error = new CollectorError(
      'unauthorized',
      token === null
        ? 'GET /v1/owed needs a rater token for this rater (token=…)'
        : rater.ok
          ? 'rater token missing'
          : rater.message,
      { path: 'token' },
    );
    throw deps.authFailures.record(ctx.clientKey, ctx.path, error);
  }
  const owed = await deps.store.listOwed(site.id, raterId, new Date(now).toISOString());
  const [secret] = site.signingSecrets as [string];
  return jsonWithEtag(ctx.request, {
    owed: owed.map(({ settledAt: _s, raterId: _r, ...rest }) => ({
      ...rest,
      token: signToken(
        secret,
        RATER_TOKEN_KIND,
        [raterId, rest.interactionId],
        Math.ceil(Date.parse(rest.expiresAt) / 1000),
      ),
    })),
  });
}
