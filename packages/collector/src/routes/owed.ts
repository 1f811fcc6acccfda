import { LIMITS, parseTimestamp, SCALES, type Scale } from '@raaye/protocol';
import * as v from 'valibot';
import { checkRater } from '../auth/rater-check';
import { RATER_TOKEN_KIND } from '../auth/rater-token';
import { signToken } from '../auth/signed-token';
import { owedLinks } from '../channels/link-urls';
import { CollectorError } from '../errors';
import { jsonWithEtag } from '../http/etag';
import { readJsonBody } from '../http/json-body';
import { json } from '../http/respond';
import { findUnsafeText } from '../validate/text-safety';
import type { SiteContext } from './context';

const DAY = 86_400_000;
const MAX_TTL = 90 * DAY;
/** How far back `closed` reaches: longer than any device keeps a pending prompt (7 days). */
const CLOSED_WINDOW = 30 * DAY;

const TagList = v.pipe(
  v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tag))),
  v.maxLength(LIMITS.tags),
);

const OwedSchema = v.object({
  raterId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.raterId)),
  interactionId: v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.interactionId)),
  interactionType: v.optional(
    v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.interactionType)),
  ),
  prompt: v.optional(v.pipe(v.string(), v.maxLength(500))),
  scale: v.optional(v.picklist(Object.keys(SCALES) as Scale[])),
  /** BCP 47: the language of the links' pages and e-mail fragment. */
  locale: v.optional(
    v.pipe(v.string(), v.maxLength(LIMITS.locale), v.regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/)),
  ),
  /** Follow-up tags after a low / high score, as the widget's `PromptConfig.tags`. */
  tags: v.optional(
    v.object({
      low: v.optional(TagList),
      high: v.optional(TagList),
    }),
  ),
  /** When the interaction ended (coverage measures time to answer from it); default now. */
  endedAt: v.optional(
    v.pipe(
      v.string(),
      v.check((s) => parseTimestamp(s) !== undefined, 'must be an ISO 8601 time'),
    ),
  ),
  /** Also return signed rating links (SMS and per-score e-mail links). */
  links: v.optional(v.boolean()),
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
  // NUL or a lone surrogate would fail in the database: a 400 here, not a 5xx there.
  const unsafe = findUnsafeText(body, 'body');
  if (unsafe) throw new CollectorError('invalid_body', unsafe.message, { path: unsafe.path });
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
    locale: body.locale ?? null,
    tags: body.tags ?? null,
    endedAt:
      body.endedAt === undefined ? null : new Date(parseTimestamp(body.endedAt)!).toISOString(),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(expires).toISOString(),
  });
  return json({ owed, ...(body.links ? { links: owedLinks(ctx, site, owed) } : {}) }, 201);
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
  const iso = new Date(now).toISOString();
  const [owed, closed] = await Promise.all([
    deps.store.listOwed(site.id, raterId, iso),
    deps.store.closedOwed(site.id, raterId, new Date(now - CLOSED_WINDOW).toISOString(), iso),
  ]);
  const [secret] = site.signingSecrets as [string];
  return jsonWithEtag(ctx.request, {
    owed: owed.map((o) => ({
      interactionId: o.interactionId,
      interactionType: o.interactionType,
      prompt: o.prompt,
      scale: o.scale,
      tags: o.tags,
      locale: o.locale,
      createdAt: o.createdAt,
      expiresAt: o.expiresAt,
      // The rating for this prompt carries it: verified even after the page's token expired.
      token: signToken(
        secret,
        RATER_TOKEN_KIND,
        [raterId, o.interactionId],
        Math.ceil(Date.parse(o.expiresAt) / 1000),
      ),
    })),
    // Settled (on any channel), cancelled or expired lately: a device drops the prompts it still
    // holds for these instead of asking again.
    closed,
  });
}
