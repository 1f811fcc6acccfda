import {
  eventTimeOf,
  type ItemResult,
  isLowScore,
  parseTimestamp,
  type RatingsResponse,
  type WireRating,
} from '@raaye/protocol';
import { checkRater } from '../auth/rater-check';
import { wireChannel } from '../channels/channel';
import { requireJsonish } from '../http/content-type';
import { json } from '../http/respond';
import { storableTime } from '../store/storable-time';
import type { NewRating } from '../store/types';
import { parseEnvelope, validateRating } from '../validate/envelope';
import type { SiteContext } from './context';

/**
 * `POST /v1/ratings`. Envelope problems are 4xx for the whole batch; a bad rating is rejected on
 * its own so it never sinks its neighbours. 2xx only after the store has committed (R18).
 */
export async function postRatings(ctx: SiteContext): Promise<Response> {
  const { request, deps, site } = ctx;
  requireJsonish(request, true);
  const envelope = parseEnvelope(await ctx.bodyJson());

  const receivedAt = deps.now();
  // One Date → string per batch for the times every rating of it shares.
  const shared = {
    receivedAt: new Date(receivedAt).toISOString(),
    sentAt: storableTime(envelope.sentAt),
  };
  const results: ItemResult[] = [];
  const toInsert: NewRating[] = [];
  const seenIds = new Set<string>();
  // The occurrence holding each rater + interaction so far, so a verified one can take it back.
  const seenInteractions = new Map<string, { row: NewRating; result: ItemResult }>();
  let tokenRefusals = 0;
  envelope.items.forEach(({ id, raw }, index) => {
    const checked = validateRating(raw, index);
    if (!checked.ok) {
      results.push({ id, status: 'rejected', error: checked.error });
      return;
    }
    const rating = checked.rating;
    if (rating.user?.id !== undefined && rating.user.id !== rating.raterId) {
      const message = `ratings[${index}].user.id must equal raterId`;
      const path = `ratings[${index}].user.id`;
      results.push({ id, status: 'rejected', error: { code: 'invalid_rating', message, path } });
      return;
    }
    const createdAt = parseTimestamp(rating.createdAt)!;
    const time = eventTimeOf(receivedAt, envelope.sentAt, createdAt);
    const row = toNewRating(rating, rating.id.toLowerCase(), createdAt, time, shared);
    const rater = checkRater(
      site,
      rating.token,
      rating.raterId,
      rating.interactionId,
      time.eventTime,
      receivedAt,
    );
    if (!rater.ok) {
      tokenRefusals++;
      const error = { code: rater.code, message: rater.message, path: `ratings[${index}].token` };
      results.push({ id, status: 'rejected', error });
      return;
    }
    row.verified = rater.verified;
    const ratingId = rating.id.toLowerCase();
    const interactionKey = `${rating.raterId}\u0000${rating.interactionId}`;
    // Repeats inside one batch never reach the database: the first occurrence wins, unless it is
    // unverified and a verified one follows (anyone can send the former; issue 11's rule, as in
    // the store's displacement).
    const holder = seenInteractions.get(interactionKey);
    const takesBack = holder !== undefined && !holder.row.verified && row.verified;
    if (seenIds.has(ratingId) || (holder && !takesBack)) {
      results.push({ id, status: 'duplicate' });
      return;
    }
    if (holder) {
      holder.result.status = 'duplicate';
      toInsert.splice(toInsert.indexOf(holder.row), 1);
    }
    const result: ItemResult = { id, status: 'accepted' };
    seenIds.add(ratingId);
    seenInteractions.set(interactionKey, { row, result });
    results.push(result);
    toInsert.push(row);
  });

  // The outbox events commit with the ratings; the worker only has to be told to look.
  const inserted = await deps.store.insertRatings(site.id, toInsert, site.events);
  if (inserted.size > 0 && site.events.size > 0) deps.outbox.kick();
  for (const result of results) {
    if (result.status === 'accepted' && !inserted.has(result.id.toLowerCase())) {
      result.status = 'duplicate';
    }
  }
  const low = toInsert.filter((r) => r.low && inserted.has(r.id)).map((r) => r.id);
  if (low.length > 0) deps.inbox.kick(site.id, low);
  deps.logger.info('ratings received', {
    site: site.id,
    received: results.length,
    accepted: results.filter((r) => r.status === 'accepted').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
  });
  const body: RatingsResponse = { results };
  // Nothing accepted because of missing or bad rater tokens: a clear 4xx for the whole batch
  // (the per-item reasons stay in `results`).
  if (tokenRefusals > 0 && toInsert.length === 0) {
    const first = results.find((r) => r.error?.path?.endsWith('.token'))!.error!;
    return json({ error: { code: first.code, message: first.message }, ...body }, 401);
  }
  return json(body);
}

function toNewRating(
  r: WireRating,
  id: string,
  createdAt: number,
  time: { eventTime: number; clockSuspect: boolean },
  shared: { receivedAt: string; sentAt: string },
): NewRating {
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
    deviceCreatedAt: storableTime(createdAt),
    sentAt: shared.sentAt,
    receivedAt: shared.receivedAt,
    eventTime: new Date(time.eventTime).toISOString(),
    clockSuspect: time.clockSuspect,
    low: isLowScore(r.scale, r.score),
    verified: false,
    channel: wireChannel(r.channel),
  };
}
