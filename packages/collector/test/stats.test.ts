import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collector, envelope, getRequest, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';

describe.each(storeCases)('GET /v1/stats on $name', (storeCase) => {
  let handle: StoreHandle;
  const s = site();
  let handler: ReturnType<typeof collector>;

  beforeAll(async () => {
    handle = await storeCase.create();
    handler = collector(handle.store, [s]);
    const day1 = '2026-11-20T10:00:00.000Z';
    const day2 = '2026-11-21T10:00:00.000Z';
    const batch = [
      // 5-point scales: 4, 5, 2, 5 → CSAT 3/4 = 75 %
      rating({ scale: 'stars5', score: 4, createdAt: day1 }),
      rating({ scale: 'faces5', score: 5, createdAt: day1 }),
      rating({ scale: 'csat5', score: 2, createdAt: day2, interactionType: 'support' }),
      rating({ scale: 'stars5', score: 5, createdAt: day2 }),
      // NPS: 10, 9, 8, 3, 0 → (2 − 2) / 5 = 0; thumbs and ces7 count in neither
      ...[10, 9, 8, 3, 0].map((score) => rating({ scale: 'nps', score, createdAt: day1 })),
      rating({ scale: 'thumbs', score: 1, createdAt: day2 }),
      rating({ scale: 'ces7', score: 6, createdAt: day2 }),
    ];
    // sentAt equal to the newest createdAt and a fixed clock: event times are the device times.
    const sentAt = '2026-11-21T10:00:00.000Z';
    const clocked = collector(handle.store, [s], { now: () => Date.parse(sentAt) });
    const res = await clocked(postRequest(envelope(batch, { siteKey: s.siteKey, sentAt })));
    expect(res.status).toBe(200);
  });
  afterAll(() => handle.cleanup());

  const stats = async (query = '') => {
    const res = await handler(getRequest(`/v1/stats${query}`, s.secretKey));
    expect(res.status).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: the assertions below check the shape.
    return (await res.json()) as Record<string, any>;
  };

  it('computes count, CSAT, NPS, distribution and days', async () => {
    const body = await stats();
    expect(body.count).toBe(11);
    expect(body.csat).toBe(75);
    expect(body.nps).toBe(0);
    expect(body.byScale.nps).toEqual({
      count: 5,
      average: 6,
      distribution: { '0': 1, '3': 1, '8': 1, '9': 1, '10': 1 },
    });
    expect(body.byScale.stars5.distribution).toEqual({ '4': 1, '5': 1 });
    expect(body.byDay.map((d: { day: string; count: number }) => [d.day, d.count])).toEqual([
      ['2026-11-20', 7],
      ['2026-11-21', 4],
    ]);
  });

  it('filters by time range (from inclusive, to exclusive), type and scale', async () => {
    expect((await stats('?from=2026-11-21')).count).toBe(4);
    expect((await stats('?to=2026-11-21')).count).toBe(7);
    expect((await stats('?interactionType=support')).csat).toBe(0);
    const nps = await stats('?scale=nps');
    expect(nps.count).toBe(5);
    expect(nps.average).toBe(6);
    expect(nps.csat).toBeNull();
  });

  it('needs the secret key and validates filters', async () => {
    expect((await handler(getRequest('/v1/stats'))).status).toBe(401);
    expect((await handler(getRequest('/v1/stats', s.siteKey))).status).toBe(401);
    expect((await handler(getRequest('/v1/stats', 'sk_wrong'))).status).toBe(401);
    const nul = await handler(getRequest('/v1/stats?interactionType=a%00b', s.secretKey));
    expect(nul.status).toBe(400);
    const bad = await handler(getRequest('/v1/stats?from=yesterday', s.secretKey));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { path: 'from' } });
  });

  it('keeps sites apart', async () => {
    const other = site();
    const res = await collector(handle.store, [s, other])(getRequest('/v1/stats', other.secretKey));
    expect(await res.json()).toMatchObject({ count: 0, csat: null, nps: null, average: null });
  });
});

describe('conditional GET', () => {
  it('sends an ETag and answers a matching If-None-Match with 304', async () => {
    const { pgliteStore } = await import('../src/store/pglite');
    const store = await pgliteStore();
    const s = site();
    const handler = collector(store, [s]);
    try {
      const first = await handler(getRequest('/v1/stats', s.secretKey));
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^W\/".+"$/);
      expect(first.headers.get('vary')).toContain('Authorization');
      const again = await handler(getRequest('/v1/stats', s.secretKey, { 'if-none-match': etag }));
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      // The store's share of each answer, 304s included (the benchmark of issue 16 reads it).
      for (const answer of [first, again]) {
        expect(answer.headers.get('server-timing')).toMatch(
          /^store;dur=\d+\.\d{2}, rollup;dur=\d+\.\d{2}, coverage;dur=\d+\.\d{2}$/,
        );
      }
      await handler(postRequest(envelope([rating()], { siteKey: s.siteKey })));
      const changed = await handler(
        getRequest('/v1/stats', s.secretKey, { 'if-none-match': etag }),
      );
      expect(changed.status).toBe(200);
      expect(changed.headers.get('etag')).not.toBe(etag);
      const inbox = await handler(getRequest('/v1/follow-ups', s.secretKey));
      expect(inbox.headers.get('etag')).toBeTruthy();
    } finally {
      await store.close();
    }
    // Opening PGlite took ~30 s on the shared 2-core box at load 13.
  }, 120_000);
});
