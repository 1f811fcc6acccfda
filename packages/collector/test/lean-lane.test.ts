import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RatingsResponse } from '@raaye/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Collector } from '../src/collector';
import { LEAN_INGEST } from '../src/http/lean-request';
import { toNodeListener } from '../src/http/node-listener';
import { collector, envelope, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** What a client can see of an answer, with the per-request ids taken out. */
async function seen(response: Response) {
  const text = await response.text();
  const headers = [...response.headers]
    .filter(([name]) => !['date', 'keep-alive', 'connection', 'transfer-encoding'].includes(name))
    .map(([name, value]) => (name === 'content-length' ? [name, '·'] : [name, value]));
  return {
    status: response.status,
    headers,
    body: text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID'),
  };
}

describe.each(storeCases)('the lean node:http lane on $name', (storeCase) => {
  let handle: StoreHandle;
  let handler: Collector;
  let lean: Server;
  let fetchLane: Server;
  let leanUrl: string;
  let fetchUrl: string;
  const lanes: boolean[] = [];
  const s = site({ limits: { maxBodyBytes: 2_000 } as never });

  beforeAll(async () => {
    handle = await storeCase.create();
    handler = collector(handle.store, [s]);
    // The same collector twice: once as is (lean lane), once behind a plain wrapper (Fetch lane).
    const spy = Object.assign(
      (request: Request, info?: { clientAddress?: string | undefined }) => {
        lanes.push(request instanceof Request);
        return handler(request, info);
      },
      { [LEAN_INGEST]: true },
    );
    lean = createServer(toNodeListener(spy));
    fetchLane = createServer(toNodeListener((request, info) => handler(request, info)));
    leanUrl = await listen(lean);
    fetchUrl = await listen(fetchLane);
  });
  afterAll(async () => {
    await new Promise((done) => lean.close(done));
    await new Promise((done) => fetchLane.close(done));
    await handle.cleanup();
  });

  it('answers every kind of ingest request exactly as the Fetch lane does', async () => {
    const cases: { name: string; init: () => RequestInit; path?: string }[] = [
      {
        name: 'valid batch with a bad and a repeated rating',
        init: () => {
          const good = rating();
          const body = envelope([good, { ...rating(), score: 99 }, good], { siteKey: s.siteKey });
          return { method: 'POST', body: JSON.stringify(body) };
        },
      },
      {
        name: 'text/plain (sendBeacon)',
        init: () => ({
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          body: JSON.stringify(envelope([rating()], { siteKey: s.siteKey })),
        }),
      },
      { name: 'malformed JSON', init: () => ({ method: 'POST', body: '{"siteKey":' }) },
      {
        name: 'invalid UTF-8',
        init: () => ({ method: 'POST', body: new Uint8Array([0x7b, 0xff, 0x7d]) }),
      },
      {
        name: 'unknown site key',
        init: () => ({ method: 'POST', body: JSON.stringify(envelope([rating()])) }),
      },
      {
        name: 'origin not allowed',
        init: () => ({
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://evil.example.net' },
          body: JSON.stringify(envelope([rating()], { siteKey: s.siteKey })),
        }),
      },
      {
        name: 'allowed origin (CORS headers)',
        init: () => ({
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://shop.example.com' },
          body: JSON.stringify(envelope([rating()], { siteKey: s.siteKey })),
        }),
      },
      {
        name: "over the site's body cap",
        init: () => ({
          method: 'POST',
          body: JSON.stringify(
            envelope(
              Array.from({ length: 20 }, () => rating({ comment: 'x'.repeat(200) })),
              { siteKey: s.siteKey },
            ),
          ),
        }),
      },
      {
        name: 'wrong content type',
        init: () => ({
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: JSON.stringify(envelope([rating()], { siteKey: s.siteKey })),
        }),
      },
      {
        name: 'site key in the query',
        path: `/v1/ratings?siteKey=${s.siteKey}`,
        init: () => ({
          method: 'POST',
          body: JSON.stringify({ sentAt: new Date().toISOString(), ratings: [rating()] }),
        }),
      },
    ];
    for (const c of cases) {
      const send = (base: string) => {
        const init = c.init();
        const headers = { 'content-type': 'application/json', ...(init.headers as object) };
        return fetch(`${base}${c.path ?? '/v1/ratings'}`, { ...init, headers });
      };
      const viaLean = await seen(await send(leanUrl));
      const viaFetch = await seen(await send(fetchUrl));
      expect({ case: c.name, ...viaLean }).toEqual({ case: c.name, ...viaFetch });
    }
    // Every request to the lean server took the lean lane (no Fetch Request was built).
    expect(lanes.length).toBe(cases.length);
    expect(lanes.every((isRequest) => !isRequest)).toBe(true);
  });

  it('keeps exactly-once under concurrent overlapping batches (group commit)', async () => {
    const t = site();
    const other = collector(handle.store, [t]);
    const server = createServer(toNodeListener(other));
    const url = await listen(server);
    try {
      const pool = Array.from({ length: 40 }, () => rating());
      // Overlapping slices, and the same ratings again under new ids (same rater × interaction).
      const bodies = Array.from({ length: 24 }, (_, i) => {
        const slice = pool.slice(i % 21, (i % 21) + 20);
        const ratings = i % 3 === 2 ? slice.map((r) => ({ ...r, id: rating().id })) : slice;
        return JSON.stringify(envelope(ratings.reverse(), { siteKey: t.siteKey }));
      });
      const responses = await Promise.all(
        bodies.map((body) =>
          fetch(`${url}/v1/ratings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(responses.map(() => 200));
      const results = await Promise.all(responses.map((r) => r.json() as Promise<RatingsResponse>));
      const accepted = results.flatMap((r) => r.results).filter((r) => r.status === 'accepted');
      const stored = await handle.store.listRatings(t.id, {}, '0', 10_000);
      expect(stored).toHaveLength(40);
      expect(accepted).toHaveLength(40);
      expect(new Set(accepted.map((r) => r.id)).size).toBe(40);
      expect(new Set(stored.map((r) => `${r.raterId}/${r.interactionId}`)).size).toBe(40);
    } finally {
      await new Promise((done) => server.close(done));
      await other.close();
    }
  });
});
