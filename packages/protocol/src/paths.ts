/** Path of the ingest endpoint, relative to the collector's base URL. */
export const RATINGS_PATH = '/v1/ratings';

/** Routes, relative to the collector's base URL. */
export const PATHS = {
  ratings: RATINGS_PATH,
  /** Every rating, filtered and searched, newest first, as JSON pages (`RatingsPage`). */
  ratingsSearch: '/v1/ratings/search',
  owed: '/v1/owed',
  stats: '/v1/stats',
  followUps: '/v1/follow-ups',
  raters: '/v1/raters',
  health: '/healthz',
} as const;

/**
 * Request header carrying a rater token to `GET /v1/owed` (contract 1.1; the query parameter
 * `token=` works too, but ends up in access logs). Exported alone, as `RATINGS_PATH`, so the
 * script-tag bundle need not carry the rest of `HEADERS`.
 */
export const RATER_TOKEN_HEADER = 'raaye-rater-token';

/** Headers of the contract, lower-case as `Headers` returns them. */
export const HEADERS = {
  /** Request: the rater token of `GET /v1/owed`. */
  raterToken: RATER_TOKEN_HEADER,
  /** Opaque cursor of the next export or search page; absent on the last page. */
  nextCursor: 'raaye-next-cursor',
  /** Delta-seconds (or an HTTP-date) to wait after a 429 or 503. */
  retryAfter: 'retry-after',
} as const;
