import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types';
import { collector, envelope, getRequest, postRequest, rating, site } from '../_util/fixtures';
import { startReceiver, until } from '../_util/receiver';
import { storeCases } from '../_util/stores';

const SECRET = `whsec_${Buffer.from('a-signing-key-of-32-bytes-length').toString('base64')}`;
const fast = { baseDelayMs: 20, maxDelayMs: 200, pollMs: 50, timeoutMs: 2000 };

describe.each(storeCases)('webhook delivery ($name)', ({ create }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await create());
  });
  afterAll(() => cleanup());

  it('delivers each new low rating once, signed per Standard Webhooks, retrying 5xx, 429 and 307', async () => {
    const answers = [503, 429, 307];
    const receiver = await startReceiver((_req, res) => {
      const status = answers.shift() ?? 204;
      const headers: Record<string, string> = {};
      if (status === 429) headers['retry-after'] = '0';
      if (status === 307) headers.location = 'http://127.0.0.1:9/elsewhere';
      res.writeHead(status, headers).end();
    });
    const s = site({
      destinations: [{ id: 'hook', kind: 'webhook', url: `${receiver.url}/hook`, secret: SECRET }],
    });
    const handler = collector(store, [s], { delivery: fast });
    const low = rating({ score: 1, comment: 'driver was <b>rude</b>' });
    const body = envelope([low, rating({ score: 5 })], { siteKey: s.siteKey });
    await handler(postRequest(body));
    await handler(postRequest(body)); // duplicate: no second event
    await until(() => receiver.received.length >= 4, 'the fourth attempt');
    // The receiver has the request before the worker has the answer: closing now could cut the
    // fourth attempt (left pending for the next process), so wait for it to be recorded.
    const reader = await handler2(store, s);
    const logged = async () => {
      const res = await reader(getRequest('/v1/deliveries?destination=hook', s.secretKey));
      expect(res.status).toBe(200);
      return ((await res.json()) as { deliveries: Array<Record<string, unknown>> }).deliveries;
    };
    await until(async () => (await logged())[0]?.state === 'delivered', 'the delivered state');
    await handler.close();

    const attempts = receiver.received;
    expect(attempts).toHaveLength(4);
    // Every attempt carries the same event id; the signature verifies with the spec's library.
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    const last = attempts.at(-1)!;
    const payload = new Webhook(SECRET).verify(last.body, last.headers as Record<string, string>);
    expect(payload).toMatchObject({
      type: 'rating.low',
      data: { site: s.id, rating: { id: low.id, score: 1, comment: 'driver was <b>rude</b>' } },
    });
    expect(attempts.every((a) => a.path === '/hook')).toBe(true);

    const deliveries = await logged();
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ state: 'delivered', attempts: 4, lastStatus: 204 });
    await receiver.close();
  });
});

async function handler2(store: Store, s: ReturnType<typeof site>) {
  return collector(store, [s], { delivery: { enabled: false } });
}
