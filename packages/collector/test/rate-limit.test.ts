import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBuckets } from '../src/rate-limit/token-bucket';
import { pgliteStore } from '../src/store/pglite';
import type { Store } from '../src/store/types';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';

describe('TokenBuckets', () => {
  it('allows a burst, then refills at the rate', () => {
    let now = 0;
    const buckets = new TokenBuckets(() => now);
    const limit = { burst: 3, perSecond: 0.5 };
    expect([1, 2, 3].map(() => buckets.take('k', limit))).toEqual([0, 0, 0]);
    expect(buckets.take('k', limit)).toBe(2);
    now += 2000;
    expect(buckets.take('k', limit)).toBe(0);
    expect(buckets.take('other', limit)).toBe(0);
  });

  it('keeps memory bounded under many keys', () => {
    const buckets = new TokenBuckets(Date.now, 100);
    for (let i = 0; i < 1000; i++) buckets.take(`k${i}`, { burst: 1, perSecond: 1 });
    expect(buckets.take('k999', { burst: 1, perSecond: 1 })).toBeGreaterThan(0);
  });
});

describe('rate limiting', () => {
  let store: Store;
  beforeAll(async () => {
    store = await pgliteStore();
  });
  afterAll(() => store.close());

  it('answers 429 with Retry-After per client address, other clients unaffected', async () => {
    const now = 1_000_000;
    const s = site({ limits: { client: { burst: 2, perSecond: 0.1 } } });
    const handler = collector(store, [s], { now: () => now });
    const send = (clientAddress: string) =>
      handler(postRequest(envelope([rating()], { siteKey: s.siteKey })), { clientAddress });
    expect((await send('10.0.0.1')).status).toBe(200);
    expect((await send('10.0.0.1')).status).toBe(200);
    const limited = await send('10.0.0.1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await send('10.0.0.2')).status).toBe(200);
  });

  it('limits a site key across all clients', async () => {
    const s = site({ limits: { site: { burst: 3, perSecond: 1 } } });
    const handler = collector(store, [s], { now: () => 5 });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const res = await handler(postRequest(envelope([rating()], { siteKey: s.siteKey })), {
        clientAddress: `10.1.0.${i}`,
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('uses X-Forwarded-For only when trustProxy is set', async () => {
    const s = site({ limits: { client: { burst: 1, perSecond: 0.01 } } });
    const send = (handler: ReturnType<typeof collector>, xff: string) => {
      const req = postRequest(envelope([rating()], { siteKey: s.siteKey }));
      req.headers.set('x-forwarded-for', xff);
      return handler(req, { clientAddress: '127.0.0.1' });
    };
    const trusting = collector(store, [s], { trustProxy: true });
    expect((await send(trusting, '1.1.1.1')).status).toBe(200);
    expect((await send(trusting, '2.2.2.2, 127.0.0.1')).status).toBe(200);
    const direct = collector(store, [s]);
    expect((await send(direct, '3.3.3.3')).status).toBe(200);
    expect((await send(direct, '4.4.4.4')).status).toBe(429);
  });
});
