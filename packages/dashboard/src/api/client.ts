import {
  HEADERS,
  PATHS,
  type RatingsPage,
  type RatingsQuery,
  ratingsSearchParams,
} from '@raaye/protocol';
import type { ApiToken, InboxSettings, TokenScope } from '../team/types';
import { ApiError } from './ApiError';
import type {
  DeliveriesPage,
  DeliveryState,
  DestinationView,
  FollowUp,
  FollowUpAction,
  FollowUpDetail,
  FollowUpStatus,
  Member,
  RatingFilter,
  ReplayInput,
  Role,
  Session,
  SlaMetrics,
  Stats,
  StoredRating,
} from './types';

export interface ApiOptions {
  /** Where `/v1/…` lives, e.g. `''` for the same origin or `/raaye` behind a base path. */
  base: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

export type ExportFormat = 'csv' | 'ndjson';

export interface InboxQuery {
  statuses?: FollowUpStatus[];
  /** `me`, `none` or a member id. */
  assignee?: string;
  /** `newest` first (what the dashboard shows) or by `due` time. @default 'due' */
  order?: 'newest' | 'due';
  /** Words that must each appear in the comment. */
  q?: string;
  /** `nextCursor` of the page before. */
  cursor?: string;
  /** 1–500. @default 200 */
  limit?: number;
}

/** One page of `GET /v1/inbox`. */
export interface InboxPage {
  items: FollowUp[];
  nextCursor: string | null;
  now: string;
}

export interface Api {
  /** The signed-in member, or null (401) when nobody is. Keeps the CSRF token for changes. */
  session(): Promise<Session | null>;
  /** Rejects with code `site_required` (and `sites`) when the e-mail is on several sites. */
  signIn(email: string, password: string, site?: string): Promise<Session>;
  signOut(everywhere?: boolean): Promise<void>;
  stats(filter: RatingFilter, signal?: AbortSignal): Promise<Stats>;
  inbox(query: InboxQuery, signal?: AbortSignal): Promise<InboxPage>;
  /** One page of every rating matching `query`, newest first (`GET /v1/ratings/search`). */
  searchRatings(query: RatingsQuery, signal?: AbortSignal): Promise<RatingsPage>;
  followUp(id: string): Promise<FollowUpDetail>;
  act(id: string, action: FollowUpAction): Promise<FollowUp>;
  bulk(
    ids: string[],
    action: Exclude<FollowUpAction, { action: 'reply' }>,
  ): Promise<Array<{ id: string; ok: boolean }>>;
  members(): Promise<Member[]>;
  addMember(input: { email: string; name?: string; role: Role; password: string }): Promise<Member>;
  updateMember(id: string, patch: { role?: Role }): Promise<Member>;
  removeMember(id: string): Promise<void>;
  metrics(filter: RatingFilter): Promise<SlaMetrics>;
  tokens(): Promise<ApiToken[]>;
  /** The secret (`rt_…`) is in this answer only. */
  createToken(name: string, scope: TokenScope): Promise<{ token: ApiToken; secret: string }>;
  revokeToken(id: string): Promise<void>;
  settings(): Promise<InboxSettings>;
  saveSettings(settings: Partial<InboxSettings>): Promise<InboxSettings>;
  /** All ratings matching `filter` from the NDJSON export, following its cursor. */
  exportRatings(filter: RatingFilter): Promise<StoredRating[]>;
  /** The site's delivery destinations and their health. */
  destinations(): Promise<DestinationView[]>;
  /** One page of the delivery log, newest first. */
  deliveries(query: DeliveryQuery): Promise<DeliveriesPage>;
  /** Sends delivered and dead deliveries again (owners); resolves how many. */
  replay(input: ReplayInput): Promise<number>;
  /** Switches a disabled destination back on (owners). */
  enableDestination(id: string): Promise<void>;
}

export interface DeliveryQuery {
  destination?: string;
  state?: DeliveryState;
  cursor?: string;
  limit?: number;
}

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

/**
 * A client for the collector, signed in by the session cookie (HttpOnly: this script never sees
 * it). Changes carry the session's CSRF token in `X-Raaye-CSRF`; no key is ever held here.
 */
export function createApi(options: ApiOptions): Api {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.base.replace(/\/+$/, '');
  let csrf = '';

  async function call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const method = init.method ?? 'GET';
    if (method !== 'GET' && csrf) headers.set('x-raaye-csrf', csrf);
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    let response: Response;
    try {
      // same-origin: the cookie goes to the collector that served this page and nowhere else.
      response = await doFetch(`${base}${path}`, {
        ...init,
        headers,
        credentials: 'same-origin',
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

  const post = <T>(path: string, body: unknown, method = 'POST') =>
    json<T>(path, { method, body: JSON.stringify(body) });

  return {
    async session() {
      try {
        const session = await json<Session>('/v1/session');
        csrf = session.csrf;
        return session;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    async signIn(email, password, site) {
      const session = await post<Session>('/v1/session', {
        email,
        password,
        ...(site ? { site } : {}),
      });
      csrf = session.csrf;
      return session;
    },
    async signOut(everywhere = false) {
      await call(`/v1/session${everywhere ? '?everywhere=1' : ''}`, { method: 'DELETE' });
      csrf = '';
    },
    stats: (filter, signal) => json<Stats>(`/v1/stats${filterQuery(filter)}`, { signal }),
    inbox(query, signal) {
      const extra: Record<string, string> = { limit: String(query.limit ?? 200) };
      if (query.statuses?.length) extra.status = query.statuses.join(',');
      if (query.assignee) extra.assignee = query.assignee;
      if (query.order) extra.order = query.order;
      if (query.q?.trim()) extra.q = query.q.trim();
      if (query.cursor) extra.cursor = query.cursor;
      return json(`/v1/inbox${filterQuery({}, extra)}`, { signal });
    },
    searchRatings: (query, signal) =>
      json(`${PATHS.ratingsSearch}?${ratingsSearchParams(query)}`, { signal }),
    followUp: (id) => json(`/v1/inbox/${encodeURIComponent(id)}`),
    act: async (id, action) =>
      (await post<{ followUp: FollowUp }>(`/v1/inbox/${encodeURIComponent(id)}`, action)).followUp,
    bulk: async (ids, action) =>
      (
        await post<{ results: Array<{ id: string; ok: boolean }> }>('/v1/inbox/bulk', {
          ids,
          ...action,
        })
      ).results,
    members: async () => (await json<{ members: Member[] }>('/v1/members')).members,
    addMember: async (input) => (await post<{ member: Member }>('/v1/members', input)).member,
    updateMember: async (id, patch) =>
      (await post<{ member: Member }>(`/v1/members/${encodeURIComponent(id)}`, patch, 'PATCH'))
        .member,
    async removeMember(id) {
      await call(`/v1/members/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    tokens: async () => (await json<{ tokens: ApiToken[] }>('/v1/tokens')).tokens,
    createToken: (name, scope) => post('/v1/tokens', { name, scope }),
    async revokeToken(id) {
      await call(`/v1/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
    },
    settings: async () => (await json<{ settings: InboxSettings }>('/v1/inbox/settings')).settings,
    saveSettings: async (settings) =>
      (await post<{ settings: InboxSettings }>('/v1/inbox/settings', settings, 'PUT')).settings,
    metrics: (filter) =>
      json(
        `/v1/inbox/metrics${filterQuery({ ...(filter.from ? { from: filter.from } : {}), ...(filter.to ? { to: filter.to } : {}) })}`,
      ),

    destinations: async () =>
      (await json<{ destinations: DestinationView[] }>('/v1/destinations')).destinations,
    deliveries(query) {
      const extra: Record<string, string> = { limit: String(query.limit ?? 50) };
      if (query.destination) extra.destination = query.destination;
      if (query.state) extra.state = query.state;
      if (query.cursor) extra.cursor = query.cursor;
      return json<DeliveriesPage>(`/v1/deliveries${filterQuery({}, extra)}`);
    },
    replay: async (input) =>
      (await post<{ replayed: number }>('/v1/deliveries/replay', input)).replayed,
    async enableDestination(id) {
      await post(`/v1/destinations/${encodeURIComponent(id)}/enable`, {});
    },

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
        const next = response.headers.get(HEADERS.nextCursor);
        if (!next) return rows;
        cursor = next;
      }
    },
  };
}

async function errorOf(response: Response): Promise<ApiError> {
  let code = `http_${response.status}`;
  let message = `The collector answered ${response.status}.`;
  let sites: string[] | undefined;
  try {
    const body = (await response.json()) as {
      error?: { code?: unknown; message?: unknown };
      sites?: unknown;
    };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
    if (Array.isArray(body.sites))
      sites = body.sites.filter((s): s is string => typeof s === 'string');
  } catch {
    // Not the collector's JSON error body (a proxy page, say): keep the status.
  }
  return new ApiError(response.status, code, message, sites ? { sites } : {});
}
