import { filterSql } from '../store/filter-sql';
import { RATING_COLUMNS, type RatingRow, toStoredRating } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';
import type { StoredRow } from '../store/types';
import type { SearchQuery } from './search-params';

/** `%`, `_` and the escape itself stand for themselves in a word typed into the search box. */
export const likePattern = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * WHERE clause of a search; the comment match is `ILIKE '%word%'` per word rather than a
 * `tsvector`: PostgreSQL's parser splits words by the database's locale, and in the C locale
 * that PGlite and many servers use every non-ASCII character counts as a letter, so Urdu and
 * Arabic punctuation (`۔` `،` `؟`) and attached letters (Arabic `ال`, `و`, `ب`) stay glued to the
 * word and a tsquery misses it. A substring match behaves the same on both stores and in every
 * script. It scans the site's rows newest first and stops at a full page (see docs/team-inbox.md
 * for measured times).
 */
export function searchWhere(siteId: string, q: SearchQuery): { where: string; params: unknown[] } {
  const { where, params } = filterSql(siteId, q);
  const parts = [where];
  const add = (sql: string, ...values: unknown[]) => {
    let text = sql;
    for (const value of values) {
      params.push(value);
      text = text.replace('?', `$${params.length}`);
    }
    parts.push(text);
  };
  if (q.scores) add('score = ANY(?::smallint[])', q.scores);
  if (q.tags) add('tags @> ?::text::jsonb', JSON.stringify(q.tags));
  if (q.channels) {
    const named = q.channels.filter((c) => c !== 'unspecified');
    const unspecified = q.channels.includes('unspecified');
    if (named.length > 0 && unspecified)
      add('(channel = ANY(?::text[]) OR channel IS NULL)', named);
    else if (named.length > 0) add('channel = ANY(?::text[])', named);
    else parts.push('channel IS NULL');
  }
  if (q.hasComment === true) parts.push("coalesce(comment, '') <> ''");
  if (q.hasComment === false) parts.push("coalesce(comment, '') = ''");
  for (const word of q.words) add("comment ILIKE ? ESCAPE '\\'", likePattern(word));
  // rater_id alone: the collector refuses a user.id other than the raterId (issue 11), and the
  // one-rating-per-interaction key (site_id, rater_id, …) then finds a customer by index.
  if (q.customer !== undefined) add('rater_id = ?', q.customer);
  if (q.before) {
    add('(event_time, seq) < (?::timestamptz, ?::bigint)', q.before.eventTime, q.before.seq);
  }
  return { where: parts.join(' AND '), params };
}

/** Up to `limit` ratings matching the search, newest first (`eventTime`, then arrival). */
export async function searchRatings(
  db: SqlClient,
  siteId: string,
  q: SearchQuery,
  limit: number,
): Promise<StoredRow[]> {
  const { where, params } = searchWhere(siteId, q);
  params.push(limit);
  return db.transaction(async (tx) => {
    // PGlite runs no autovacuum (nor does a fresh PostgreSQL table have statistics yet), and
    // the planner then guesses a comment filter rare: it reads the whole site and sorts it
    // (1.6 s for a page of 50 among 50,000 ratings on PGlite). Without sorts, bitmap and
    // sequential scans it walks the newest-first index and stops at a full page (1.2 ms); for
    // one customer the rater index and a sort of their few ratings are right (0.2 ms).
    await tx.query('SET LOCAL enable_bitmapscan = off');
    await tx.query('SET LOCAL enable_seqscan = off');
    if (q.customer === undefined) await tx.query('SET LOCAL enable_sort = off');
    // Qualified: RATING_COLUMNS aliases event_time and seq as text.
    const rows = await tx.query<RatingRow>(
      `SELECT ${RATING_COLUMNS} FROM raaye_ratings WHERE ${where}
       ORDER BY raaye_ratings.event_time DESC, raaye_ratings.seq DESC LIMIT $${params.length}::int`,
      params,
    );
    return rows.map(toStoredRating);
  });
}
