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
  return { calls, api: createApi({ base: '/raaye/', key: 'sk_test', fetch }) };
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
  it('authorises every call with the secret key, never with cookies or the cache', async () => {
    const { api, calls } = server((url) =>
      url.includes('follow-ups')
        ? json({ followUps: [], nextCursor: null })
        : url.includes('/v1/ratings')
          ? new Response('')
          : json({}),
    );
    await api.stats({});
    await api.followUps();
    await api.reply('id', 'Sana', '');
    await api.exportRatings({});
    expect(calls).toHaveLength(4);
    for (const { url, init } of calls) {
      expect(url.startsWith('/raaye/v1/')).toBe(true);
      expect(url).not.toContain('sk_test');
      expect(new Headers(init.headers).get('authorization')).toBe('Bearer sk_test');
      expect(init.credentials).toBe('omit');
      expect(init.cache).toBe('no-store');
    }
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

  it('follows the follow-up cursor to the end and returns them newest first', async () => {
    const old = rating({}, 30);
    const mid = rating({}, 5);
    const fresh = rating({}, 1);
    const { api, calls } = server((url) =>
      url.includes('cursor=c2')
        ? json({ followUps: [fresh], nextCursor: null })
        : json({ followUps: [old, mid], nextCursor: 'c2' }),
    );
    const page = await api.followUps();
    expect(page.items.map((i) => i.id)).toEqual([fresh.id, mid.id, old.id]);
    expect(page.truncated).toBe(false);
    expect(calls.map((c) => c.url)).toEqual([
      '/raaye/v1/follow-ups?limit=1000',
      '/raaye/v1/follow-ups?limit=1000&cursor=c2',
    ]);
  });

  it('posts a reply as JSON, with the note only when there is one', async () => {
    const { api, calls } = server((_url, init) =>
      json({
        id: 'x',
        repliedAt: 't',
        repliedBy: 'Sana',
        replyNote: JSON.parse(String(init.body)).note ?? null,
      }),
    );
    await api.reply('a/b', 'Sana', 'Called back');
    await api.reply('c', 'Sana', '');
    expect(calls[0]!.url).toBe('/raaye/v1/follow-ups/a%2Fb');
    expect(calls[0]!.init.method).toBe('POST');
    expect(new Headers(calls[0]!.init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ by: 'Sana', note: 'Called back' });
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ by: 'Sana' });
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
