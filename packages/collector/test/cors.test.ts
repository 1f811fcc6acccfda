import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { originAllowed } from '../src/config/origin';
import { pgliteStore } from '../src/store/pglite';
import type { Store } from '../src/store/types';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';

describe('originAllowed()', () => {
  const allowed = ['https://shop.example.com', 'https://*.example.org', 'http://localhost:8787'];
  it.each([
    ['https://shop.example.com', true],
    ['https://SHOP.example.com', true],
    ['https://a.example.org', true],
    ['https://a.b.example.org', true],
    ['http://localhost:8787', true],
    ['https://example.org', false],
    ['https://evilexample.org', false],
    ['http://a.example.org', false],
    ['https://a.example.org.evil.com', false],
    ['https://shop.example.com:444', false],
    ['null', false],
  ])('%s → %s', (origin, expected) => {
    expect(originAllowed(origin, allowed)).toBe(expected);
  });
  it('accepts anything with *', () => {
    expect(originAllowed('https://any.where', ['*'])).toBe(true);
  });
});

describe('CORS', () => {
  let store: Store;
  const s = site();
  let handler: ReturnType<typeof collector>;
  beforeAll(async () => {
    store = await pgliteStore();
    handler = collector(store, [s]);
  });
  afterAll(() => store.close());

  const preflight = (origin: string, path = '/v1/ratings') =>
    handler(
      new Request(`http://collector.test${path}`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
    );

  it('answers a preflight from an allowed origin, without credentials', async () => {
    const res = await preflight('https://a.example.org');
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.example.org');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('Content-Type');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('gives a foreign origin no CORS headers', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('allows GET for owed and nothing cross-origin for the secret routes', async () => {
    const owed = await preflight('https://a.example.org', '/v1/owed');
    expect(owed.headers.get('access-control-allow-methods')).toContain('GET');
    const stats = await preflight('https://a.example.org', '/v1/stats');
    expect(stats.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sets CORS headers on the actual text/plain (beacon) POST and on its errors', async () => {
    const ok = await handler(
      postRequest(envelope([rating()], { siteKey: s.siteKey }), {
        origin: 'https://shop.example.com',
        contentType: 'text/plain;charset=UTF-8',
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    expect(ok.headers.get('vary')).toContain('Origin');
    expect(ok.headers.get('access-control-allow-credentials')).toBeNull();
    const bad = await handler(postRequest('{', { origin: 'https://shop.example.com' }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  });

  it('checks the origin against the site of the key, not the union', async () => {
    const other = site({ allowedOrigins: ['https://other.example.net'] });
    const both = collector(store, [s, other]);
    const res = await both(
      postRequest(envelope([rating()], { siteKey: other.siteKey }), {
        origin: 'https://shop.example.com',
      }),
    );
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
  });
});
