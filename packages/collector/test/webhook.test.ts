import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore } from '../src/store/pglite';
import type { Store } from '../src/store/types';
import { signWebhook, verifyWebhookSignature } from '../src/webhook/signature';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';

describe('webhook signature', () => {
  it('verifies its own signature and rejects tampering and old ones', () => {
    const now = 1_800_000_000;
    const header = signWebhook('{"a":1}', 'secret-secret-123', now);
    expect(verifyWebhookSignature('{"a":1}', header, 'secret-secret-123', 300, now)).toBe(true);
    expect(verifyWebhookSignature('{"a":2}', header, 'secret-secret-123', 300, now)).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', header, 'other-secret-4567', 300, now)).toBe(false);
    expect(verifyWebhookSignature('{"a":1}', header, 'secret-secret-123', 300, now + 301)).toBe(
      false,
    );
    expect(verifyWebhookSignature('{"a":1}', 'garbage', 'secret-secret-123')).toBe(false);
  });
});

describe('low-score webhook', () => {
  let store: Store;
  const received: Array<{ body: string; signature: string }> = [];
  let failuresLeft = 2;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failuresLeft-- > 0) {
        res.writeHead(503).end();
        return;
      }
      received.push({ body, signature: String(req.headers['raaye-signature']) });
      res.writeHead(204).end();
    });
  });
  let url: string;

  beforeAll(async () => {
    store = await pgliteStore();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await store.close();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('posts each new low rating once, signed, retrying failures with backoff', async () => {
    const secret = 'whsec_0123456789abcdef';
    const s = site({ webhook: { url, secret } });
    const handler = collector(store, [s], { webhook: { retryDelays: [20, 40, 80] } });
    const low = rating({ score: 1, comment: 'driver was rude' });
    const body = envelope([low, rating({ score: 5 })], { siteKey: s.siteKey });
    await handler(postRequest(body));
    await handler(postRequest(body)); // duplicate: no second webhook
    await handler.close(); // drains deliveries in flight
    expect(received).toHaveLength(1);
    const delivery = received[0]!;
    expect(verifyWebhookSignature(delivery.body, delivery.signature, secret)).toBe(true);
    expect(JSON.parse(delivery.body)).toMatchObject({
      type: 'rating.low',
      site: s.id,
      rating: { id: low.id, score: 1, comment: 'driver was rude', low: true },
    });
  });
});
