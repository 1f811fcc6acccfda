import type { ItemResult, RatingsResponse } from '@raaye/core/contract';
import { wireChannel } from '../channels/channel';
import { DEFAULT_LIMITS } from '../config/sites';
import { CollectorError } from '../errors';
import { checkOrigin } from '../http/client-origin';
import { requireJsonish } from '../http/content-type';
import { parseJson, readBodyText } from '../http/read-body';
import { json } from '../http/respond';
import { enforce } from '../rate-limit/enforce';
import { isLowScore } from '../rules/low-score';
import type { NewRating } from '../store/types';
import { correctedTime } from '../time/clock-skew';
import { parseTimestamp } from '../time/timestamp';
import { parseEnvelope, validateRating } from '../validate/envelope';
import type { ValidRating } from '../validate/rating-schema';
import type { RouteContext } from './context';

/**
 * `POST /v1/ratings`. Envelope problems are 4xx for the whole batch; a bad rating is rejected on
 * its own so it never sinks its neighbours. 2xx only after the store has committed (R18).
 */
export async function postRatings(ctx: RouteContext): Promise<Response> {
  const { request, deps } = ctx;
  requireJsonish(request, true);
  const text = await readBodyText(request, DEFAULT_LIMITS.maxBodyBytes);
  const envelope = parseEnvelope(parseJson(text));
  const site = deps.keys.bySiteKey(envelope.siteKey);
  checkOrigin(request, site);
  // A site may set a cap below the contract's 64 KiB; only known once the key is read.
  if (Buffer.byteLength(text) > site.limits.maxBodyBytes) {
    throw new CollectorError(
      'payload_too_large',
      `body exceeds ${site.limits.maxBodyBytes} bytes; split the batch`,
    );
  }
  enforce(deps.buckets, `client:${site.id}:${ctx.clientAddress}`, site.limits.client);
  enforce(deps.buckets, `site:${site.id}`, site.limits.site);

  const receivedAt = deps.now();
  const results: ItemResult[] = [];
  const toInsert: NewRating[] = [];
  const seenIds = new Set<string>();
  const seenInteractions = new Set<string>();
  envelope.items.forEach(({ id, raw }, index) => {
    const checked = validateRating(raw, index);
    if (!checked.ok) {
      results.push({ id, status: 'rejected', error: checked.error });
      return;
    }
    const rating = checked.rating;
    const ratingId = rating.id.toLowerCase();
    const interactionKey = `${rating.raterId}\u0000${rating.interactionId}`;
    // Repeats inside one batch never reach the database: the first occurrence wins.
    if (seenIds.has(ratingId) || seenInteractions.has(interactionKey)) {
      results.push({ id, status: 'duplicate' });
      return;
    }
    seenIds.add(ratingId);
    seenInteractions.add(interactionKey);
    results.push({ id, status: 'accepted' });
    toInsert.push(toNewRating(rating, ratingId, envelope.sentAt, receivedAt));
  });

  // The outbox events commit with the ratings; the worker only has to be told to look.
  const inserted = await deps.store.insertRatings(site.id, toInsert, site.events);
  if (inserted.size > 0 && site.events.size > 0) deps.outbox.kick();
  for (const result of results) {
    if (result.status === 'accepted' && !inserted.has(result.id.toLowerCase())) {
      result.status = 'duplicate';
    }
  }
  if (toInsert.some((r) => r.low && inserted.has(r.id))) deps.inbox.kick(site.id);
  deps.logger.info('ratings received', {
    site: site.id,
    received: results.length,
    accepted: results.filter((r) => r.status === 'accepted').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
  });
  const body: RatingsResponse = { results };
  return json(body);
}

function toNewRating(r: ValidRating, id: string, sentAt: number, receivedAt: number): NewRating {
  const createdAt = parseTimestamp(r.createdAt)!;
  return {
    id,
    interactionId: r.interactionId,
    interactionType: r.interactionType ?? null,
    scale: r.scale,
    score: r.score,
    tags: r.tags ?? null,
    comment: r.comment ?? null,
    raterId: r.raterId,
    userId: r.user?.id ?? null,
    userTraits: r.user?.traits ?? null,
    meta: r.meta ?? null,
    locale: r.locale ?? null,
    source: r.source,
    deviceCreatedAt: new Date(createdAt).toISOString(),
    sentAt: new Date(sentAt).toISOString(),
    receivedAt: new Date(receivedAt).toISOString(),
    eventTime: new Date(correctedTime(receivedAt, sentAt, createdAt)).toISOString(),
    low: isLowScore(r.scale, r.score),
    channel: wireChannel(r.channel),
  };
}
