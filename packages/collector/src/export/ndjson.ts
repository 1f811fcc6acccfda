import type { StoredRow } from '../store/types';

/** One rating per line; `seq` is internal (the cursor carries it) and left out. */
export function ndjsonRow(rating: StoredRow): string {
  const { seq: _seq, ...rest } = rating;
  return `${JSON.stringify(rest)}\n`;
}
