/**
 * Wire contract v1 between the SDK and the collector (see docs/protocol.md).
 * Shared by `@raaye/core`, `@raaye/widget` and `@raaye/collector` so the limits live in one place.
 * Changing anything here is a protocol change and needs a version bump.
 */

/**
 * The rating scales and their inclusive score ranges. On every scale a higher score is better:
 * `ces7` runs from 1 "very difficult" to 7 "very easy", `thumbs` from 0 (down) to 1 (up).
 */
export const SCALES = {
  stars5: [1, 5],
  faces5: [1, 5],
  thumbs: [0, 1],
  nps: [0, 10],
  csat5: [1, 5],
  ces7: [1, 7],
} as const satisfies Record<string, readonly [number, number]>;

export type Scale = keyof typeof SCALES;

/** Where a rating was given. */
export const SOURCES = ['web', 'webview-ios', 'webview-android', 'react-native', 'node'] as const;
export type Source = (typeof SOURCES)[number];

/** Size and count limits of contract v1. Bytes are UTF-8 bytes of the JSON text. */
export const LIMITS = {
  interactionId: 128,
  interactionType: 64,
  tags: 10,
  tag: 64,
  comment: 2000,
  raterId: 128,
  locale: 35,
  traitsBytes: 2048,
  metaBytes: 4096,
  batchRatings: 100,
  batchBytes: 65536,
} as const;

/** Path of the ingest endpoint, relative to the collector's base URL. */
export const RATINGS_PATH = '/v1/ratings';

export interface RaterUser {
  id?: string;
  traits?: Record<string, unknown>;
}

/** One rating as it travels on the wire. */
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
  locale?: string;
  source: Source;
  /** ISO 8601 from the device clock. */
  createdAt: string;
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

export interface ItemResult {
  id: string;
  status: ItemStatus;
  error?: { code: string; message: string; path?: string };
}

export interface RatingsResponse {
  results: ItemResult[];
}

/** Body of every 4xx answer from the collector. */
export interface ErrorBody {
  error: { code: string; message: string; path?: string };
}
