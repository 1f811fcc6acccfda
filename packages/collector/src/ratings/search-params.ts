import { CHANNELS, RATINGS_SEARCH, type RatingsQuery } from '@raaye/protocol';
import { CollectorError } from '../errors';
import { parseFilter } from '../http/query-filter';
import { findUnsafeText } from '../validate/text-safety';

/** A `RatingsQuery` as the collector runs it: cursor decoded, limit defaulted, words split. */
export interface SearchQuery extends Omit<RatingsQuery, 'cursor' | 'limit' | 'q'> {
  /** Words that must each appear in the comment (from `q`). */
  words: string[];
  /** Where the page starts: strictly older than this rating (newest-first keyset). */
  before?: { eventTime: string; seq: string };
  limit: number;
}

const KNOWN = new Set([
  'from',
  'to',
  'interactionType',
  'scale',
  'verified',
  'score',
  'tag',
  'channel',
  'hasComment',
  'q',
  'customer',
  'cursor',
  'limit',
]);

const bad = (path: string, message: string) =>
  new CollectorError('invalid_body', message, { path });

/**
 * Reads `GET /v1/ratings/search`'s query string (see `ratingsSearchParams` in @raaye/protocol).
 * Anything it cannot honour is a 400 naming the parameter: an unknown name (a typo would
 * otherwise silently widen the result), a value out of range, a cursor it did not issue.
 */
export function parseSearchQuery(params: URLSearchParams): SearchQuery {
  for (const name of params.keys()) {
    if (!KNOWN.has(name)) throw bad(name, `unknown parameter ${name}`);
  }
  for (const name of ['from', 'to', 'interactionType', 'scale', 'verified', 'hasComment', 'q']) {
    if (params.getAll(name).length > 1) throw bad(name, `${name} may be given once`);
  }
  const query: SearchQuery = { ...parseFilter(params), words: [], limit: limit(params) };

  const list = (name: string) => {
    const values = params.getAll(name);
    if (values.length > RATINGS_SEARCH.values) {
      throw bad(name, `at most ${RATINGS_SEARCH.values} ${name} values`);
    }
    return values;
  };
  const scores = list('score').map((text) => {
    if (!/^\d{1,2}$/.test(text) || Number(text) > 10) {
      throw bad('score', 'score must be an integer from 0 to 10');
    }
    return Number(text);
  });
  if (scores.length > 0) query.scores = [...new Set(scores)];

  const tags = list('tag');
  for (const tag of tags) {
    if (tag.length === 0 || tag.length > 64 || findUnsafeText(tag, 'tag')) {
      throw bad('tag', 'tag must have 1–64 characters');
    }
  }
  if (tags.length > 0) query.tags = [...new Set(tags)];

  const channels = list('channel');
  const allowed: readonly string[] = [...CHANNELS, 'unspecified'];
  for (const channel of channels) {
    if (!allowed.includes(channel)) {
      throw bad('channel', `channel must be one of ${allowed.join(', ')}`);
    }
  }
  if (channels.length > 0) query.channels = [...new Set(channels)] as SearchQuery['channels'];

  const hasComment = params.get('hasComment');
  if (hasComment !== null) {
    if (hasComment !== 'true' && hasComment !== 'false') {
      throw bad('hasComment', 'hasComment must be true or false');
    }
    query.hasComment = hasComment === 'true';
  }

  query.words = searchWords(params.get('q'));

  const customer = params.get('customer');
  if (customer !== null) {
    if (
      customer.length === 0 ||
      customer.length > RATINGS_SEARCH.customer ||
      findUnsafeText(customer, 'customer')
    ) {
      throw bad('customer', `customer must have 1–${RATINGS_SEARCH.customer} characters`);
    }
    query.customer = customer;
  }

  const cursor = params.get('cursor');
  if (cursor !== null && cursor !== '') query.before = decodeSearchCursor(cursor);
  return query;
}

/** The words of a search box (`q`): each must appear in the comment. 400 when too long. */
export function searchWords(q: string | null): string[] {
  if (q === null) return [];
  if (q.length > RATINGS_SEARCH.query || findUnsafeText(q, 'q')) {
    throw bad('q', `q must have at most ${RATINGS_SEARCH.query} characters`);
  }
  // NFC: a word typed with combining marks still matches the same word stored precomposed.
  const words = [...new Set(q.normalize('NFC').split(/\s+/u).filter(Boolean))];
  if (words.length > RATINGS_SEARCH.words) {
    throw bad('q', `q may have at most ${RATINGS_SEARCH.words} words`);
  }
  return words;
}

function limit(params: URLSearchParams): number {
  const text = params.get('limit');
  if (text === null) return RATINGS_SEARCH.defaultLimit;
  const n = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= 1 && n <= RATINGS_SEARCH.maxLimit)) {
    throw bad('limit', `limit must be an integer from 1 to ${RATINGS_SEARCH.maxLimit}`);
  }
  return n;
}

/**
 * The cursor is the last rating's sort key, `eventTime|seq`, so the next page is a range scan
 * (`(event_time, seq) < key`) that ratings inserted meanwhile cannot shift, and that still works
 * when the rating itself has been erased since.
 */
export function encodeSearchCursor(eventTime: string, seq: string): string {
  return Buffer.from(`${eventTime}|${seq}`, 'utf8').toString('base64url');
}

function decodeSearchCursor(text: string): { eventTime: string; seq: string } {
  const [eventTime, seq, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (
    extra !== undefined ||
    !eventTime ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(eventTime) ||
    Number.isNaN(Date.parse(eventTime)) ||
    !seq ||
    !/^\d{1,18}$/.test(seq)
  ) {
    throw bad('cursor', 'cursor is not one this server gave');
  }
  return { eventTime, seq };
}
