import { isLowScore, type Scale } from '@raaye/protocol';
import type { RouteContext } from '../routes/context';
import type { NewRating } from '../store/types';
import type { LiveLink } from './link-state';

export interface LinkAnswer {
  score: number;
  tags: string[] | null;
  comment: string | null;
}

/**
 * Stores a rating given through a link, through the same insert as every other channel, so the
 * first answer on any channel settles the debt. Resolves true when this one was stored.
 */
export async function storeLinkRating(
  ctx: RouteContext,
  state: LiveLink,
  id: string,
  answer: LinkAnswer,
): Promise<boolean> {
  const { owed, site, claims } = state;
  const now = new Date(ctx.deps.now()).toISOString();
  const scale = (owed.scale ?? 'stars5') as Scale;
  const rating: NewRating = {
    id,
    interactionId: owed.interactionId,
    interactionType: owed.interactionType,
    scale,
    score: answer.score,
    tags: answer.tags,
    comment: answer.comment,
    raterId: owed.raterId,
    userId: null,
    userTraits: null,
    meta: null,
    locale: owed.locale,
    source: 'web',
    // The collector's own clock made this rating: no device skew to correct.
    deviceCreatedAt: now,
    sentAt: now,
    receivedAt: now,
    eventTime: now,
    clockSuspect: false,
    low: isLowScore(scale, answer.score),
    // The link was signed for this owed entry's rater: as good as a rater token.
    verified: true,
    channel: claims.channel,
  };
  // Outbox events (rating.created / rating.low) commit with it, as for every channel.
  const inserted = await ctx.deps.store.insertRatings(site.id, [rating], site.events);
  const stored = inserted.has(id);
  // As for ratings from devices (routes/ratings.ts): the inbox opens the follow-up.
  if (stored && rating.low) {
    ctx.deps.inbox.kick(site.id, [id]);
  }
  if (stored && site.events.size > 0) ctx.deps.outbox.kick();
  return stored;
}
