import type { RatingsResponse } from '@raaye/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/store/types';
import { collector, envelope, getRequest, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';

async function exportAll(store: Store, siteId: string) {
  return store.listRatings(siteId, {}, '0', 10_000);
}

describe.each(storeCases)('POST /v1/ratings on $name', (storeCase) => {
  let handle: StoreHandle;
  beforeAll(async () => {
    handle = await storeCase.create();
  });
  afterAll(() => handle.cleanup());

  it('accepts a batch and answers per item, in order', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const batch = [
      rating(),
      rating({ scale: 'nps', score: 9 }),
      rating({ scale: 'thumbs', score: 0 }),
    ];
    const response = await handler(postRequest(envelope(batch, { siteKey: s.siteKey })));
    expect(response.status).toBe(200);
    const body = (await response.json()) as RatingsResponse;
    expect(body.results).toEqual(batch.map((r) => ({ id: r.id, status: 'accepted' })));
    const stored = await exportAll(handle.store, s.id);
    expect(stored.map((r) => r.id).sort()).toEqual(batch.map((r) => r.id).sort());
  });

  it('repairs NUL and lone surrogates in comments and tags instead of losing the rating', async () => {
    const s = site();
    const cut = rating({ comment: `${'late 👍🏽'.slice(0, 6)}\u0000!`, tags: ['\ud83dx'] });
    const response = await collector(handle.store, [s])(
      postRequest(envelope([cut], { siteKey: s.siteKey })),
    );
    const body = (await response.json()) as RatingsResponse;
    expect(body.results).toEqual([{ id: cut.id, status: 'accepted' }]);
    const [stored] = await exportAll(handle.store, s.id);
    expect(stored?.comment).toBe('late \uFFFD\uFFFD!');
    expect(stored?.tags).toEqual(['\uFFFDx']);
  });

  it('stores every field of the contract', async () => {
    const s = site();
    const full = rating({
      tags: ['late', 'rude'],
      comment: '<script>alert(1)</script> stays text',
      raterId: 'user-9',
      user: { id: 'user-9', traits: { plan: 'pro' } },
      meta: { app: '1.2.3', nested: { ok: true } },
      locale: 'en-GB',
      source: 'webview-ios',
    });
    await collector(handle.store, [s])(postRequest(envelope([full], { siteKey: s.siteKey })));
    const [stored] = await exportAll(handle.store, s.id);
    expect(stored).toMatchObject({
      id: full.id,
      interactionId: full.interactionId,
      interactionType: 'ride',
      tags: ['late', 'rude'],
      comment: full.comment,
      userId: 'user-9',
      userTraits: { plan: 'pro' },
      meta: { app: '1.2.3', nested: { ok: true } },
      locale: 'en-GB',
      source: 'webview-ios',
      low: false,
      verified: false,
    });
  });

  it('accepts text/plain bodies (sendBeacon)', async () => {
    const s = site();
    const response = await collector(handle.store, [s])(
      postRequest(envelope([rating()], { siteKey: s.siteKey }), {
        contentType: 'text/plain;charset=UTF-8',
      }),
    );
    expect(response.status).toBe(200);
  });

  it('answers duplicate for a rating id seen before, with no time window', async () => {
    const s = site();
    let now = Date.now();
    const handler = collector(handle.store, [s], { now: () => now });
    const r = rating();
    await handler(postRequest(envelope([r], { siteKey: s.siteKey })));
    now += 30 * 86_400_000; // a month later
    const again = await handler(postRequest(envelope([r], { siteKey: s.siteKey })));
    expect(((await again.json()) as RatingsResponse).results).toEqual([
      { id: r.id, status: 'duplicate' },
    ]);
    expect(await exportAll(handle.store, s.id)).toHaveLength(1);
  });

  it('treats the same rater rating the same interaction again as duplicate; first wins', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const first = rating({ score: 2 });
    const second = rating({ interactionId: first.interactionId, raterId: first.raterId, score: 5 });
    await handler(postRequest(envelope([first], { siteKey: s.siteKey })));
    const res = await handler(postRequest(envelope([second], { siteKey: s.siteKey })));
    expect(((await res.json()) as RatingsResponse).results[0]!.status).toBe('duplicate');
    const stored = await exportAll(handle.store, s.id);
    expect(stored.map((r) => r.score)).toEqual([2]);
  });

  it('deduplicates inside one batch, first occurrence wins', async () => {
    const s = site();
    const a = rating();
    const b = rating({ raterId: a.raterId, interactionId: a.interactionId });
    const res = await collector(handle.store, [s])(
      postRequest(envelope([a, { ...a }, b], { siteKey: s.siteKey })),
    );
    const { results } = (await res.json()) as RatingsResponse;
    expect(results.map((r) => r.status)).toEqual(['accepted', 'duplicate', 'duplicate']);
  });

  it('rejects a bad rating on its own, naming the path, and keeps its neighbours', async () => {
    const s = site();
    const good = rating();
    const bad = rating({ score: 9 });
    const res = await collector(handle.store, [s])(
      postRequest(envelope([good, bad], { siteKey: s.siteKey })),
    );
    const { results } = (await res.json()) as RatingsResponse;
    expect(results[0]).toEqual({ id: good.id, status: 'accepted' });
    expect(results[1]).toMatchObject({
      id: bad.id,
      status: 'rejected',
      error: { code: 'invalid_rating', path: 'ratings[1].score' },
    });
    expect(await exportAll(handle.store, s.id)).toHaveLength(1);
  });

  it('rejects prototype-pollution keys in meta without touching Object.prototype', async () => {
    const s = site();
    const r = rating();
    const body = JSON.stringify(envelope([r], { siteKey: s.siteKey })).replace(
      '"source"',
      '"meta":{"__proto__":{"polluted":true}},"source"',
    );
    const res = await collector(handle.store, [s])(postRequest(body));
    const { results } = (await res.json()) as RatingsResponse;
    expect(results[0]).toMatchObject({ status: 'rejected', error: { path: 'ratings[0].meta' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('corrects the device clock with sentAt and keeps all three times', async () => {
    const s = site();
    const received = Date.parse('2026-11-23T12:00:00.000Z');
    const handler = collector(handle.store, [s], { now: () => received });
    // Device clock 2 hours fast: created 10 s before sending.
    const r = rating({ createdAt: '2026-11-23T13:59:50.000Z' });
    await handler(
      postRequest(envelope([r], { siteKey: s.siteKey, sentAt: '2026-11-23T14:00:00.000Z' })),
    );
    // Device claims created after sending: clamped to the receive time.
    const future = rating({ createdAt: '2026-11-23T14:00:30.000Z' });
    await handler(
      postRequest(envelope([future], { siteKey: s.siteKey, sentAt: '2026-11-23T14:00:00.000Z' })),
    );
    const [a, b] = await exportAll(handle.store, s.id);
    expect(a).toMatchObject({
      deviceCreatedAt: '2026-11-23T13:59:50.000Z',
      sentAt: '2026-11-23T14:00:00.000Z',
      receivedAt: '2026-11-23T12:00:00.000Z',
      eventTime: '2026-11-23T11:59:50.000Z',
    });
    expect(a!.clockSuspect).toBe(false);
    expect(b!.eventTime).toBe('2026-11-23T12:00:00.000Z');
    expect(b!.clockSuspect).toBe(false);
  });

  it('never refuses a batch over the device clock, and flags ages it cannot believe', async () => {
    const s = site();
    const received = Date.parse('2026-11-23T12:00:00.000Z');
    const handler = collector(handle.store, [s], { now: () => received });
    const at = (iso: string, offsetMs: number) =>
      new Date(Date.parse(iso) + offsetMs).toISOString();
    const cases = [
      // Same wrong clock when rating and when sending (10 s apart): the interval is believed.
      { sentAt: '1970-01-01T00:01:00.000Z', createdAt: at('1970-01-01T00:01:00.000Z', -10_000) },
      { sentAt: '2100-01-01T00:00:00.000Z', createdAt: at('2100-01-01T00:00:00.000Z', -10_000) },
      { sentAt: '2101-06-01T00:00:00.000Z', createdAt: at('2101-06-01T00:00:00.000Z', -10_000) },
      // Wrong when rating, right when sending (and the reverse), or back-dated: flagged.
      { sentAt: '2026-11-23T12:00:00.000Z', createdAt: '1970-01-01T00:00:00.000Z' },
      { sentAt: '1970-01-01T00:00:00.000Z', createdAt: '2026-11-23T11:59:00.000Z' },
      { sentAt: '2026-11-23T12:00:00.000Z', createdAt: '1926-05-01T00:00:00.000Z' },
      { sentAt: '+275760-09-13T00:00:00.000Z', createdAt: '0000-01-01T00:00:00.000Z' },
    ];
    const ratings = cases.map(({ createdAt }) => rating({ createdAt }));
    for (const [i, r] of ratings.entries()) {
      const res = await handler(
        postRequest(envelope([r], { siteKey: s.siteKey, sentAt: cases[i]!.sentAt })),
      );
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as RatingsResponse;
      expect(results[0]!.status).toBe('accepted');
    }
    const stored = await exportAll(handle.store, s.id);
    expect(stored.map((r) => [r.eventTime, r.clockSuspect])).toEqual([
      ['2026-11-23T11:59:50.000Z', false],
      ['2026-11-23T11:59:50.000Z', false],
      ['2026-11-23T11:59:50.000Z', false],
      ['2026-11-23T12:00:00.000Z', true],
      ['2026-11-23T12:00:00.000Z', true],
      ['2026-11-23T12:00:00.000Z', true],
      ['2026-11-23T12:00:00.000Z', true],
    ]);
    // Device times are kept as sent, within what timestamptz holds.
    expect(stored[0]!.deviceCreatedAt).toBe('1970-01-01T00:00:50.000Z');
    expect(stored[6]!.sentAt).toBe('9999-12-31T23:59:59.999Z');
    expect(stored[6]!.deviceCreatedAt).toBe('0001-01-01T00:00:00.000Z');
  });

  it('answers 401 for an unknown site key and 403 for a foreign origin, storing nothing', async () => {
    const s = site();
    const handler = collector(handle.store, [s]);
    const unknown = await handler(postRequest(envelope([rating()], { siteKey: 'pk_nope' })));
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_site_key' } });
    const foreign = await handler(
      postRequest(envelope([rating()], { siteKey: s.siteKey }), { origin: 'https://evil.example' }),
    );
    expect(foreign.status).toBe(403);
    expect(await exportAll(handle.store, s.id)).toHaveLength(0);
  });

  it('serves /healthz', async () => {
    const res = await collector(handle.store, [site()])(getRequest('/healthz'));
    expect(res.status).toBe(200);
    // `busy: true` too when other statements wait on the store (routes/health.ts).
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it('routes under a base path', async () => {
    const s = site();
    const handler = collector(handle.store, [s], { basePath: '/raaye/' });
    const ok = await handler(
      postRequest(envelope([rating()], { siteKey: s.siteKey }), { path: '/raaye/v1/ratings' }),
    );
    expect(ok.status).toBe(200);
    const miss = await handler(postRequest(envelope([rating()], { siteKey: s.siteKey })));
    expect(miss.status).toBe(404);
  });
});

describe('store outage', () => {
  it('answers 503 with Retry-After when the store fails, and /healthz says so', async () => {
    const { pgliteStore } = await import('../src/store/pglite');
    const store = await pgliteStore();
    const s = site();
    const handler = collector(store, [s]);
    await store.close();
    const res = await handler(postRequest(envelope([rating()], { siteKey: s.siteKey })));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect((await handler(getRequest('/healthz'))).status).toBe(503);
    // A fresh PGlite each: its start alone took 30-50 s on a loaded 2-core box.
  }, 120_000);

  it('answers 503 while shutting down', async () => {
    const { pgliteStore } = await import('../src/store/pglite');
    const store = await pgliteStore();
    const s = site();
    const handler = collector(store, [s]);
    const inFlight = handler(postRequest(envelope([rating()], { siteKey: s.siteKey })));
    const closed = handler.close();
    const late = await handler(postRequest(envelope([rating()], { siteKey: s.siteKey })));
    expect(late.status).toBe(503);
    expect((await inFlight).status).toBe(200);
    await closed;
    expect((await store.stats(s.id, {})).count).toBe(1);
    await store.close();
  }, 120_000);
});
