import { SCALES, type Scale } from '@raaye/protocol';
import { CollectorError } from '../errors';
import type { RatingFilter } from '../store/types';
import { findUnsafeText } from '../validate/text-safety';

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** `from` (inclusive), `to` (exclusive), `interactionType` and `scale` from the query string. */
export function parseFilter(params: URLSearchParams): RatingFilter {
  const filter: RatingFilter = {};
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value === null) continue;
    const ms = DATE.test(value) ? Date.parse(value) : Number.NaN;
    if (!Number.isFinite(ms) || ms < Date.UTC(1970, 0, 1) || ms >= Date.UTC(2200, 0, 1)) {
      throw new CollectorError('invalid_body', `${name} must be an ISO 8601 date or time`, {
        path: name,
      });
    }
    filter[name] = new Date(ms).toISOString();
  }
  const type = params.get('interactionType');
  if (type !== null) {
    if (type.length === 0 || type.length > 64 || findUnsafeText(type, 'interactionType')) {
      throw new CollectorError('invalid_body', 'interactionType must have 1–64 characters', {
        path: 'interactionType',
      });
    }
    filter.interactionType = type;
  }
  const scale = params.get('scale');
  if (scale !== null) {
    if (!Object.hasOwn(SCALES, scale)) {
      throw new CollectorError(
        'invalid_body',
        `scale must be one of ${Object.keys(SCALES).join(', ')}`,
        {
          path: 'scale',
        },
      );
    }
    filter.scale = scale as Scale;
  }
  const verified = params.get('verified');
  if (verified !== null) {
    if (verified !== 'true' && verified !== 'false') {
      throw new CollectorError('invalid_body', 'verified must be true or false', {
        path: 'verified',
      });
    }
    filter.verified = verified === 'true';
  }
  return filter;
}

/** Integer query parameter within [1, max], or the default. */
export function parseLimit(params: URLSearchParams, fallback: number, max: number): number {
  const value = params.get('limit');
  if (value === null) return fallback;
  const n = Number(value);
  if (!/^\d{1,6}$/.test(value) || n < 1 || n > max) {
    throw new CollectorError('invalid_body', `limit must be an integer from 1 to ${max}`, {
      path: 'limit',
    });
  }
  return n;
}

/** Cursors are opaque to clients; inside they are the last row's sequence number. */
export function encodeCursor(seq: string): string {
  return Buffer.from(seq, 'utf8').toString('base64url');
}

export function decodeCursor(params: URLSearchParams): string {
  const value = params.get('cursor');
  if (value === null || value === '') return '0';
  const seq = Buffer.from(value, 'base64url').toString('utf8');
  if (!/^\d{1,18}$/.test(seq))
    throw new CollectorError('invalid_body', 'cursor is not valid', { path: 'cursor' });
  return seq;
}
