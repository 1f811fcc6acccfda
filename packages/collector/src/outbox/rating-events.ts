import type { StoredRating } from '@raaye/protocol';
import type { NewRating } from '../store/types';
import type { OutboxEvent } from './enqueue';
import type { EventType } from './event-types';

/** The `rating` member of every rating event's data: the public fields, no internals. */
export interface RatingPayload {
  id: string;
  interactionId: string;
  interactionType: string | null;
  scale: string;
  score: number;
  low: boolean;
  tags: string[];
  comment: string | null;
  raterId: string;
  userId: string | null;
  locale: string | null;
  source: string;
  /** How it was given (`widget`, `email`, `sms`, …; null from old SDKs). */
  channel: string | null;
  /** When it happened, corrected for the device's clock (`eventTime` in the store). */
  createdAt: string;
  receivedAt: string;
}

export function ratingPayload(r: NewRating | StoredRating): RatingPayload {
  return {
    id: r.id,
    interactionId: r.interactionId,
    interactionType: r.interactionType,
    scale: r.scale,
    score: r.score,
    low: r.low,
    tags: r.tags ?? [],
    comment: r.comment,
    raterId: r.raterId,
    userId: r.userId,
    locale: r.locale,
    source: r.source,
    channel: r.channel ?? null,
    createdAt: r.eventTime,
    receivedAt: r.receivedAt,
  };
}

/**
 * The events a new rating causes, limited to the types some destination of the site wants (and
 * `rating.low` alone for a revision that made a stored rating low).
 */
export function ratingEvents(
  siteId: string,
  rating: NewRating | StoredRating,
  wanted: ReadonlySet<EventType>,
): OutboxEvent[] {
  const types: EventType[] = [];
  if (wanted.has('rating.created')) types.push('rating.created');
  if (rating.low && wanted.has('rating.low')) types.push('rating.low');
  return types.map((type) => ({
    type,
    raterId: rating.raterId,
    userId: rating.userId,
    subjectId: rating.id,
    data: { site: siteId, rating: ratingPayload(rating) },
  }));
}

/** `followup.replied`: the rating as it now stands and who replied. */
export function replyEvent(
  siteId: string,
  rating: StoredRating,
  reply: { by: string; note: string | null; at: string },
): OutboxEvent {
  return {
    type: 'followup.replied',
    raterId: rating.raterId,
    userId: rating.userId,
    subjectId: rating.id,
    data: { site: siteId, rating: ratingPayload(rating), reply },
  };
}
