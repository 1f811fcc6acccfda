import type { Channel, Scale, Source } from '../scales';

export interface RaterUser {
  id?: string;
  traits?: Record<string, unknown>;
}

/** One rating as it travels on the wire (`POST /v1/ratings`). */
export interface WireRating {
  /** UUIDv7 made on the device; the idempotency key. */
  id: string;
  interactionId: string;
  interactionType?: string;
  scale: Scale;
  score: number;
  tags?: string[];
  comment?: string;
  raterId: string;
  user?: RaterUser;
  meta?: Record<string, unknown>;
  /** BCP 47 (`en-US`); see `normalizeLocale`. */
  locale?: string;
  source: Source;
  /** ISO 8601 from the device clock. */
  createdAt: string;
  /**
   * Contract 1.1. A device may claim `widget` or `api`; the collector accepts any string of at
   * most `LIMITS.channel` characters (so a newer SDK's channel never gets a rating refused) and
   * stores only those two.
   */
  channel?: Channel;
  /**
   * Rater token signed by the site's backend (verified raters, docs/security.md). Optional:
   * collectors that predate it ignore the field; `signed` sites refuse ratings without one.
   */
  token?: string;
}

export interface RatingsEnvelope {
  siteKey: string;
  /** ISO 8601 from the device clock, refreshed on every attempt (clock-skew correction). */
  sentAt: string;
  ratings: WireRating[];
}

export type ItemStatus = 'accepted' | 'duplicate' | 'rejected';

/** What was wrong, and where (`ratings[3].score`, `user.traits`). */
export interface ErrorDetail {
  code: string;
  message: string;
  path?: string;
}

export interface ItemResult {
  id: string;
  status: ItemStatus;
  error?: ErrorDetail;
}

/** `200` answer of `POST /v1/ratings`: one result per rating, in the order sent. */
export interface RatingsResponse {
  results: ItemResult[];
}

/** Body of every non-2xx answer from the collector (except 304). */
export interface ErrorBody {
  error: ErrorDetail;
}
