import { ApiError } from './ApiError';
import type { RatingFilter, Reply, Stats, StoredRating } from './types';

export interface ApiOptions {
  /** Where `/v1/…` lives, e.g. `''` for the same origin or `/raaye` behind a base path. */
  base: string;
  /** The site's secret key (`sk_…`), sent as a bearer token on every call. */
  key: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

export interface FollowUpPage {
  /** Newest first. */
  items: StoredRating[];
  /** True when there were more than `maxItems` and the oldest ones were not loaded. */
  truncated: boolean;
}

export type ExportFormat = 'csv' | 'ndjson';

export interface Api {
  stats(filter: RatingFilter, signal?: AbortSignal): Promise<Stats>;
  /** Every unreplied low rating (the collector pages them oldest first), newest first. */
  followUps(signal?: AbortSignal): Promise<FollowUpPage>;
  reply(id: string, by: string, note: string): Promise<Reply>;
  /** All ratings matching `filter` from the NDJSON export, following its cursor. */
  exportRatings(filter: RatingFilter): Promise<StoredRating[]>;
}

const PAGE = 1000;
/** The collector lists follow-ups oldest first; past this many we stop (and say so). */
const MAX_FOLLOW_UPS = 10_000;

/** Filter → query string, leaving out what is unset. */
export function filterQuery(filter: RatingFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'interactionType', 'scale'] as const) {
    const value = filter[name];
    if (value) params.set(name, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A client for the collector's read side; every request carries `Authorization: Bearer`. */
export function createApi(options: ApiOptions): Api {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.base.replace(/\/+$/, '');

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${options.key}`);
    let response: Response;
    try {
      // `same-origin` and no-store: the key never goes elsewhere and answers are never cached.
      response = await doFetch(`${base}${path}`, {
        ...init,
        headers,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause;
      throw new ApiError(0, 'network', 'The collector could not be reached.', { cause });
    }
    if (!response.ok && response.status !== 304) throw await errorOf(response);
    return response;
  }

  // Last answer per GET path with its ETag: each poll is a conditional GET, and an unchanged
  // answer costs the collector a 304 with no body (and us no parsing).
  const etags = new Map<string, { etag: string; body: unknown }>();

  async function json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const method = init.method ?? 'GET';
    const cached = method === 'GET' ? etags.get(path) : undefined;
    const headers = new Headers(init.headers);
    if (cached) headers.set('if-none-match', cached.etag);
    const response = await call(path, { ...init, headers });
    if (response.status === 304 && cached) return cached.body as T;
    let body: T;
    try {
      body = (await response.json()) as T;
    } catch (cause) {
      throw new ApiError(response.status, 'invalid_response', 'The answer was not JSON.', {
        cause,
      });
    }
    const etag = response.headers.get('etag');
    if (method === 'GET' && etag) etags.set(path, { etag, body });
    else etags.delete(path);
    return body;
  }

  return {
    stats: (filter, signal) => json<Stats>(`/v1/stats${filterQuery(filter)}`, { signal }),

    async followUps(signal) {
      const items: StoredRating[] = [];
      let cursor = '';
      for (;;) {
        const extra: Record<string, string> = { limit: String(PAGE) };
        if (cursor) extra.cursor = cursor;
        const page = await json<{ followUps: StoredRating[]; nextCursor: string | null }>(
          `/v1/follow-ups${filterQuery({}, extra)}`,
          { signal },
        );
        items.push(...page.followUps);
        if (!page.nextCursor) return { items: newestFirst(items), truncated: false };
        if (items.length >= MAX_FOLLOW_UPS) return { items: newestFirst(items), truncated: true };
        cursor = page.nextCursor;
      }
    },

    reply: (id, by, note) =>
      json<Reply>(`/v1/follow-ups/${encodeURIComponent(id)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(note ? { by, note } : { by }),
      }),

    async exportRatings(filter) {
      const rows: StoredRating[] = [];
      let cursor = '';
      for (;;) {
        const extra: Record<string, string> = { format: 'ndjson', limit: '10000' };
        if (cursor) extra.cursor = cursor;
        const response = await call(`/v1/ratings${filterQuery(filter, extra)}`);
        for (const line of (await response.text()).split('\n')) {
          if (line) rows.push(JSON.parse(line) as StoredRating);
        }
        const next = response.headers.get('raaye-next-cursor');
        if (!next) return rows;
        cursor = next;
      }
    },
  };
}

function newestFirst(items: StoredRating[]): StoredRating[] {
  return items.sort((a, b) => (a.eventTime < b.eventTime ? 1 : a.eventTime > b.eventTime ? -1 : 0));
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = `The collector answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // Not the collector's JSON error body (a proxy page, say): keep the status.
  }
  return new ApiError(response.status, code, message);
}
