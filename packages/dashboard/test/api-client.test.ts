import { describe, expect, it, vi } from 'vitest';
import { ApiError, isApiError } from '../src/api/ApiError';
import { createApi, filterQuery } from '../src/api/client';
import { rating } from './_util/fixtures';

type Call = { url: string; init: RequestInit };

function server(answer: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    calls.push({ url: String(input), init });
    return answer(String(input), init);
  });
  return { calls, api: createApi({ base: '/raaye/', fetch }) };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('filterQuery()', () => {
  it('leaves out what is unset and keeps the order', () => {
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ from: '2026-11-01T00:00:00.000Z', scale: 'nps' })).toBe(
      '?from=2026-11-01T00%3A00%3A00.000Z&scale=nps',
    );
    expect(filterQuery({ interactionType: 'a&b=c' }, { limit: '5' })).toBe(
      '?interactionType=a%26b%3Dc&limit=5',
    );
  });
});

describe('createApi()', () => {
  it('signs in by cookie: same-origin credentials, no key, the CSRF token on every change', async () => {
    const session = { member: {}, site: 'demo', csrf: 'tok', expiresAt: 'x' };
    const { api, calls } = server((url, init) =>
      url.endsWith('/v1/session') && init.method === 'POST'
        ? json(session)
        : url.includes('/v1/ratings')
          ? new Response('')
          : json({ followUp: {}, items: [], now: 'x' }),
    );
    await api.stats({});
    expect(new Headers(calls[0]!.init.headers).has('x-raaye-csrf')).toBe(false);
    await api.signIn('a@b.example', 'a long password');
    await api.inbox({ statuses: ['open'], assignee: 'me' });
    await api.act('a/b', { action: 'resolve' });
    await api.exportRatings({});
    for (const { init } of calls) {
      expect(new Headers(init.headers).has('authorization')).toBe(false);
      expect(init.credentials).toBe('same-origin');
      expect(init.cache).toBe('no-store');
    }
    expect(calls[2]!.url).toBe('/raaye/v1/inbox?limit=200&status=open&assignee=me');
    expect(calls[3]!.url).toBe('/raaye/v1/inbox/a%2Fb');
    expect(new Headers(calls[3]!.init.headers).get('x-raaye-csrf')).toBe('tok');
    expect(JSON.parse(String(calls[3]!.init.body))).toEqual({ action: 'resolve' });
  });

  it('answers null for the session when nobody is signed in, and carries the sites of site_required', async () => {
    const { api } = server((_url, init) =>
      init.method === 'POST'
        ? json(
            { error: { code: 'site_required', message: 'choose' }, sites: ['shop', 'cafe'] },
            409,
          )
        : json({ error: { code: 'unauthorized', message: 'sign in' } }, 401),
    );
    expect(await api.session()).toBeNull();
    await expect(api.signIn('a@b.example', 'pw')).rejects.toMatchObject({
      code: 'site_required',
      sites: ['shop', 'cafe'],
    });
  });

  it('asks /v1/stats with the filter', async () => {
    const { api, calls } = server(() => json({ count: 3 }));
    expect(await api.stats({ interactionType: 'ride', to: '2026-11-24T00:00:00.000Z' })).toEqual({
      count: 3,
    });
    expect(calls[0]!.url).toBe(
      '/raaye/v1/stats?to=2026-11-24T00%3A00%3A00.000Z&interactionType=ride',
    );
  });

  it('reads the NDJSON export page by page through Raaye-Next-Cursor', async () => {
    const a = rating();
    const b = rating();
    const { api, calls } = server((url) =>
      url.includes('cursor=n1')
        ? new Response(`${JSON.stringify(b)}\n`)
        : new Response(`${JSON.stringify(a)}\n`, { headers: { 'raaye-next-cursor': 'n1' } }),
    );
    expect(await api.exportRatings({ scale: 'stars5' })).toEqual([a, b]);
    expect(calls[0]!.url).toBe('/raaye/v1/ratings?scale=stars5&format=ndjson&limit=10000');
    expect(calls[1]!.url).toContain('&cursor=n1');
  });

  it('polls with If-None-Match once the collector sends an ETag, and reuses the body on 304', async () => {
    let version = 'v1';
    const { api, calls } = server((_url, init) => {
      const asked = new Headers(init.headers).get('if-none-match');
      if (asked === `"${version}"`) return new Response(null, { status: 304 });
      return json({ count: version === 'v1' ? 1 : 2 }, 200, { etag: `"${version}"` });
    });
    expect(await api.stats({})).toEqual({ count: 1 });
    expect(await api.stats({})).toEqual({ count: 1 });
    version = 'v2';
    expect(await api.stats({})).toEqual({ count: 2 });
    expect(calls.map((c) => new Headers(c.init.headers).get('if-none-match'))).toEqual([
      null,
      '"v1"',
      '"v1"',
    ]);
    // Another filter is another resource: no validator is sent for it.
    await api.stats({ scale: 'nps' });
    expect(new Headers(calls[3]!.init.headers).get('if-none-match')).toBeNull();
  });

  it('sends no validator when the answer had no ETag', async () => {
    const { api, calls } = server(() => json({ count: 1 }));
    await api.stats({});
    await api.stats({});
    expect(calls.every((c) => !new Headers(c.init.headers).has('if-none-match'))).toBe(true);
  });

  it('rejects with the collector error code and message', async () => {
    const { api } = server(() =>
      json({ error: { code: 'unauthorized', message: 'this route needs a key' } }, 401),
    );
    const error = await api.stats({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 401,
      code: 'unauthorized',
      message: 'this route needs a key',
    });
  });

  it('keeps the status when the error body is not the collector JSON (a proxy page)', async () => {
    const { api } = server(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api.stats({})).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });

  it('reports a network failure as status 0, code network, with the cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const { api } = server(() => {
      throw cause;
    });
    await expect(api.stats({})).rejects.toMatchObject({ status: 0, code: 'network', cause });
  });
});

describe('isApiError()', () => {
  it('recognises errors from another copy of the module by name', () => {
    expect(isApiError(new ApiError(500, 'internal_error', 'x'))).toBe(true);
    expect(isApiError(Object.assign(new Error('x'), { name: 'ApiError' }))).toBe(true);
    expect(isApiError(new Error('x'))).toBe(false);
    expect(isApiError('ApiError')).toBe(false);
  });
});
