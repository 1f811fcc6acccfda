import type { Channel, Scale, Source } from '../scales';

/** Query of `/v1/stats` and `/v1/ratings`: `from` inclusive, `to` exclusive, ISO 8601, on `eventTime`. */
export interface RatingFilter {
  from?: string;
  to?: string;
  interactionType?: string;
  scale?: Scale;
  /** Only verified (true) or only unverified (false) ratings. */
  verified?: boolean;
}

/**
 * A stored rating as the read side sends it: one NDJSON export line, one follow-up, one CSV row.
 * Times are ISO 8601 UTC.
 */
export interface StoredRating {
  id: string;
  interactionId: string;
  interactionType: string | null;
  scale: Scale;
  score: number;
  tags: string[] | null;
  comment: string | null;
  raterId: string;
  userId: string | null;
  userTraits: Record<string, unknown> | null;
  meta: Record<string, unknown> | null;
  locale: string | null;
  source: Source;
  /** Where it was given (contract 1.1); `null` from SDKs older than 1.1. */
  channel: Channel | null;
  /** The device clock's `createdAt`, as sent (clamped to years 1–9999). */
  deviceCreatedAt: string;
  /** The envelope's `sentAt`, as sent (clamped to years 1–9999). */
  sentAt: string;
  /** The collector's clock when the batch arrived. */
  receivedAt: string;
  /** When the rating was made, corrected for the device clock (`eventTimeOf`); what stats use. */
  eventTime: string;
  /**
   * True when the device's own account of the rating's age could not be believed (older than the
   * SDK keeps ratings, or made "after" it was sent): `eventTime` is then `receivedAt`.
   */
  clockSuspect: boolean;
  /** A low score (`isLowScore`): in the follow-up inbox, fires the `rating.low` webhook. */
  low: boolean;
  /**
   * Carried a valid rater token. An unverified rating never takes the place of a verified one for
   * the same rater and interaction (a verified one replaces it), nor settles a debt.
   */
  verified: boolean;
  repliedAt: string | null;
  repliedBy: string | null;
  replyNote: string | null;
}

export interface ScaleStats {
  count: number;
  average: number;
  /** Score (as text) → number of ratings. Scores nobody gave are absent. */
  distribution: Record<string, number>;
}

/** `GET /v1/stats`. */
export interface Stats {
  site: string;
  filter: RatingFilter;
  count: number;
  /** Mean raw score; only meaningful for one scale (see `byScale`). */
  average: number | null;
  /** Share (0–100) of satisfied scores (`isSatisfied`: 4–5) among `CSAT_SCALES` ratings. */
  csat: number | null;
  /** % promoters − % detractors (`npsBucket`) among `nps` ratings, −100…100. */
  nps: number | null;
  byScale: Partial<Record<Scale, ScaleStats>>;
  /** UTC days with at least one rating, oldest first. */
  byDay: Array<{ day: string; count: number; average: number }>;
}

/**
 * Query of `GET /v1/ratings/search` (`ratingsSearchParams` writes it as a query string): every
 * rating, not only low ones, newest first (`eventTime`, then arrival). Filters combine with AND;
 * list-valued ones match any of their values, except `tags` (all of them).
 */
export interface RatingsQuery extends RatingFilter {
  /** Any of these scores (`score=1&score=2`). */
  scores?: number[];
  /** Ratings carrying every one of these tags (`tag=late&tag=rude`). */
  tags?: string[];
  /** Only ratings with (true) or without (false) a comment. */
  hasComment?: boolean;
  /** Any of these channels; `unspecified` for ratings from SDKs older than contract 1.1. */
  channels?: Array<Channel | 'unspecified'>;
  /**
   * Search over comments: each whitespace-separated word must appear in the comment, ignoring
   * case, anywhere in it (so it also finds Urdu and Arabic words with attached letters or marks).
   */
  q?: string;
  /** One customer across channels: ratings with this rater id (their user id, when sent). */
  customer?: string;
  /** `nextCursor` of the page before. */
  cursor?: string;
  /** Page size, 1 to `RATINGS_SEARCH.maxLimit`. @default RATINGS_SEARCH.defaultLimit */
  limit?: number;
}

/**
 * Answer of `GET /v1/ratings/search`. `nextCursor` (also in the `raaye-next-cursor` header) asks
 * for the next older page; `null` on the last. Ratings arriving meanwhile never shift a page:
 * a walk sees each rating at most once, and every rating older than its first page.
 */
export interface RatingsPage {
  ratings: StoredRating[];
  nextCursor: string | null;
}

/** `GET /v1/follow-ups`: low ratings nobody replied to, oldest first (`order=newest`: newest first). */
export interface FollowUpsPage {
  followUps: StoredRating[];
  nextCursor: string | null;
}

/** Body of `POST /v1/follow-ups/:id`. */
export interface ReplyInput {
  by: string;
  note?: string;
}

/** Answer of `POST /v1/follow-ups/:id`. */
export interface Reply {
  id: string;
  repliedAt: string;
  repliedBy: string;
  replyNote: string | null;
}

/** A debt as the collector records it (`201 { owed }` from `POST /v1/owed`). */
export interface OwedRecord {
  /** Global, numeric (as text); what links and `DELETE /v1/owed/:id` refer to. */
  id: string;
  raterId: string;
  interactionId: string;
  interactionType: string | null;
  /** The question the widget shows, ≤ 500 chars. */
  prompt: string | null;
  scale: Scale | null;
  /** BCP 47; the language of links, e-mail fragment and landing page. */
  locale: string | null;
  /** Follow-up tags offered after a low / high score, as in the widget's `PromptConfig.tags`. */
  tags: { low?: string[]; high?: string[] } | null;
  /** When the interaction ended; coverage measures time to answer from here. */
  endedAt: string | null;
  createdAt: string;
  expiresAt: string;
  settledAt: string | null;
  /** Channel of the answer that settled it (`unspecified` for SDKs older than contract 1.1). */
  settledChannel: string | null;
  /** The settling rating, when it was stored (not a duplicate). */
  ratingId: string | null;
  cancelledAt: string | null;
}

/** One item of `GET /v1/owed` (public key): what the rater still owes. */
export type OwedItem = Pick<
  OwedRecord,
  | 'interactionId'
  | 'interactionType'
  | 'prompt'
  | 'scale'
  | 'tags'
  | 'locale'
  | 'createdAt'
  | 'expiresAt'
> & {
  /**
   * Contract 1.1: a rater token bound to this interaction, good until the entry expires. The
   * rating for this prompt sends it, so it is verified even after the page's own token expired.
   */
  token: string;
};

/** `GET /v1/owed`. */
export interface OwedList {
  owed: OwedItem[];
  /** Interaction ids settled, cancelled or expired lately: a device drops prompts it holds for them. */
  closed: string[];
}

/** Answer of `DELETE /v1/raters/:raterId`. */
export interface EraseResult {
  raterId: string;
  deleted: { ratings: number; owed: number };
}
