import type { RatingsQuery } from '../types/read';

/** Bounds of `GET /v1/ratings/search`; the collector answers 400 beyond them. */
export const RATINGS_SEARCH = {
  defaultLimit: 50,
  maxLimit: 200,
  /** Characters of `q`. */
  query: 200,
  /** Words of `q` (each must appear in the comment). */
  words: 8,
  /** Values of a list filter (`score`, `tag`, `channel`). */
  values: 11,
  /** Characters of `customer` (a rater or user id). */
  customer: 128,
} as const;

/**
 * A `RatingsQuery` as the query string the collector reads: list filters repeat their name
 * (`tag=a&tag=b`, so a tag may contain commas), unset fields are left out.
 */
export function ratingsSearchParams(query: RatingsQuery): URLSearchParams {
  const params = new URLSearchParams();
  const one = (name: string, value: string | number | boolean | undefined) => {
    if (value !== undefined && value !== '') params.append(name, String(value));
  };
  one('from', query.from);
  one('to', query.to);
  one('interactionType', query.interactionType);
  one('scale', query.scale);
  one('verified', query.verified);
  for (const score of query.scores ?? []) one('score', score);
  for (const tag of query.tags ?? []) one('tag', tag);
  for (const channel of query.channels ?? []) one('channel', channel);
  one('hasComment', query.hasComment);
  one('q', query.q?.trim());
  one('customer', query.customer);
  one('cursor', query.cursor);
  one('limit', query.limit);
  return params;
}
