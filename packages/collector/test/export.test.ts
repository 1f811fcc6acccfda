import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from '../src/http/node-listener';
import { collector, envelope, getRequest, postRequest, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';

describe.each(storeCases)('GET /v1/ratings export on $name', (storeCase) => {
  let handle: StoreHandle;
  const s = site();
  let handler: ReturnType<typeof collector>;
  const ids: string[] = [];

  beforeAll(async () => {
    handle = await storeCase.create();
    handler = collector(handle.store, [s]);
    for (let b = 0; b < 3; b++) {
      const batch = Array.from({ length: 100 }, () => rating());
      // A batch is inserted in id order (overlapping batches cannot deadlock), so its rows take
      // their seq, and the export its order, by id; batches follow each other.
      ids.push(...batch.map((r) => r.id).sort());
      await handler(postRequest(envelope(batch, { siteKey: s.siteKey })));
    }
    await handler(
      postRequest(
        envelope([rating({ comment: '=HYPERLINK("http://evil")', tags: ['+x', 'a,"b"'] })], {
          siteKey: s.siteKey,
        }),
      ),
    );
  });
  afterAll(() => handle.cleanup());

  it('pages through everything exactly once with the cursor (NDJSON)', async () => {
    const seen: string[] = [];
    let path: string | null = '/v1/ratings?limit=70';
    let pages = 0;
    while (path) {
      const res: Response = await handler(getRequest(path, s.secretKey));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/x-ndjson');
      const lines = (await res.text()).split('\n').filter(Boolean);
      seen.push(...lines.map((l) => (JSON.parse(l) as { id: string }).id));
      const link = res.headers.get('link');
      path = link ? link.slice(1, link.indexOf('>')) : null;
      pages++;
    }
    expect(pages).toBe(5);
    expect(seen).toHaveLength(301);
    expect(new Set(seen).size).toBe(301);
    expect(seen.slice(0, 300)).toEqual(ids);
  });

  it('streams CSV with a header and neutralises formulas', async () => {
    const res = await handler(getRequest('/v1/ratings?format=csv&limit=1000', s.secretKey));
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('link')).toBeNull();
    const text = await res.text();
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^id,interactionId,/);
    expect(lines).toHaveLength(302);
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it('streams through toNodeListener over real HTTP', async () => {
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/v1/ratings?limit=10000`, {
        headers: { authorization: `Bearer ${s.secretKey}` },
      });
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      expect((await res.text()).trim().split('\n')).toHaveLength(301);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });

  it('picks CSV from the Accept header and rejects bad parameters', async () => {
    const csv = await handler(
      getRequest('/v1/ratings?limit=1', s.secretKey, { accept: 'text/csv' }),
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    for (const q of ['limit=0', 'limit=abc', 'cursor=!!!', 'format=xml']) {
      const res = await handler(getRequest(`/v1/ratings?${q}`, s.secretKey));
      expect(res.status, q).toBe(400);
    }
    expect((await handler(getRequest('/v1/ratings'))).status).toBe(401);
  });
});
