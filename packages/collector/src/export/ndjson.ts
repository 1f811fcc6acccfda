import type { StoredRating } from '../store/types';

/** One rating per line; `seq` is internal (the cursor carries it) and left out. */
export function ndjsonRow(rating: StoredRating): string {
  const { seq: _seq, ...rest } = rating;
  return `${JSON.stringify(rest)}\n`;
}
