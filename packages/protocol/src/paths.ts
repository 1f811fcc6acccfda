/** Routes, relative to the collector's base URL. */
export const PATHS = {
  ratings: '/v1/ratings',
  owed: '/v1/owed',
  stats: '/v1/stats',
  followUps: '/v1/follow-ups',
  raters: '/v1/raters',
  health: '/healthz',
} as const;

/** Path of the ingest endpoint (also `PATHS.ratings`). */
export const RATINGS_PATH = PATHS.ratings;

/** Response headers of the contract, lower-case as `Headers` returns them. */
export const HEADERS = {
  /** Opaque cursor of the next export page; absent on the last page. */
  nextCursor: 'raaye-next-cursor',
  /** Delta-seconds (or an HTTP-date) to wait after a 429 or 503. */
  retryAfter: 'retry-after',
} as const;
