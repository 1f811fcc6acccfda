import { startSmtp } from '@raaye/test-utils/smtp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types';
import { collector, envelope, getRequest, postRequest, rating, site } from '../_util/fixtures';
import { startReceiver, until } from '../_util/receiver';
import { storeCases } from '../_util/stores';
import { seedMember } from '../_util/team';

const SECRET = 'a-secret-of-at-least-16-characters';

function secretCall(path: string, secretKey: string, method: string, body?: unknown) {
  return new Request(`http://collector.test${path}`, {
    method,
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

interface Delivery {
  eventId: string;
  state: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  history: Array<{ at: string; status: number | null; latencyMs: number; error: string | null }>;
}

describe.each(storeCases)('operating the outbox ($name)', ({ create }) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await create());
  });
  afterAll(() => cleanup());

  const log = async (handler: ReturnType<typeof collector>, secretKey: string, query = '') => {
    const res = await handler(getRequest(`/v1/deliveries${query}`, secretKey));
    expect(res.status).toBe(200);
    return ((await res.json()) as { deliveries: Delivery[] }).deliveries;
  };

  it('dead-letters after the maximum age, and a replay redelivers with the same event id', async () => {
    let status = 500;
    const receiver = await startReceiver((_r, res) => res.writeHead(status).end());
    const s = site({
      destinations: [{ id: 'hook', kind: 'webhook', url: `${receiver.url}/h`, secret: SECRET }],
    });
    const handler = collector(store, [s], {
      delivery: { pollMs: 50, baseDelayMs: 50, maxAgeMs: 400 },
    });
    await handler(postRequest(envelope([rating({ score: 2 })], { siteKey: s.siteKey })));
    await until(
      async () => (await log(handler, s.secretKey, '?state=dead')).length === 1,
      'a dead letter',
    );
    const [dead] = await log(handler, s.secretKey, '?state=dead');
    expect(dead).toMatchObject({ state: 'dead', lastStatus: 500, lastError: 'HTTP 500' });
    expect(dead!.attempts).toBeGreaterThanOrEqual(1);

    status = 204;
    const replay = await handler(
      secretCall('/v1/deliveries/replay', s.secretKey, 'POST', { eventId: dead!.eventId }),
    );
    expect(await replay.json()).toEqual({ replayed: 1 });
    await until(
      async () => (await log(handler, s.secretKey, '?state=delivered')).length === 1,
      'the replayed delivery',
    );
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id']))).toEqual(
      new Set([dead!.eventId]),
    );
    // Bad input is a 4xx with a reason, never a 5xx.
    const bad = await handler(secretCall('/v1/deliveries/replay', s.secretKey, 'POST', {}));
    expect(bad.status).toBe(400);
    expect((await handler(getRequest('/v1/deliveries?state=nope', s.secretKey))).status).toBe(400);
    expect((await handler(getRequest('/v1/deliveries', s.siteKey))).status).toBe(401);
    await handler.close();
    await receiver.close();
  });

  it('erasing a rater cancels the deliveries still pending about them', async () => {
    const receiver = await startReceiver((_r, res) => res.writeHead(500).end());
    const s = site({
      destinations: [{ id: 'hook', kind: 'webhook', url: `${receiver.url}/h`, secret: SECRET }],
    });
    const handler = collector(store, [s], { delivery: { pollMs: 50, baseDelayMs: 300 } });
    const gone = rating({ score: 1, raterId: 'erase-me' });
    const stays = rating({ score: 1, raterId: 'keep-me' });
    await handler(postRequest(envelope([gone, stays], { siteKey: s.siteKey })));
    await until(() => receiver.received.length >= 2, 'first attempts');
    const erased = await handler(secretCall('/v1/raters/erase-me', s.secretKey, 'DELETE'));
    expect(((await erased.json()) as { deleted: { events: number } }).deleted.events).toBe(1);
    const countBefore = receiver.received.length;
    await until(() => receiver.received.length >= countBefore + 2, 'more retries');
    const after = receiver.received.slice(countBefore).map((r) => JSON.parse(r.body));
    expect(after.every((b) => b.data.rating.raterId === 'keep-me')).toBe(true);
    const rows = await log(handler, s.secretKey);
    expect(rows).toHaveLength(1);
    await handler.close();
    await receiver.close();
  });

  it('disables a destination after repeated failures, alerts the owners, and can re-enable it', async () => {
    const receiver = await startReceiver((_r, res) => res.writeHead(503).end());
    const smtp = await startSmtp();
    const s = site({
      // Rafi is an owner member and, spelt otherwise, a configured address: one mail, not two.
      owners: ['owner@example.com', 'Rafi@Shop.example'],
      destinations: [{ id: 'hook', kind: 'webhook', url: `${receiver.url}/h`, secret: SECRET }],
    });
    const handler = collector(store, [s], {
      delivery: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 40, disableAfter: 3, disableAfterMs: 0 },
      mail: { smtp: smtp.url, from: 'alerts@example.com' },
    });
    // An owner member (not in the config's `owners`) hears of it too, through the people destination.
    await seedMember(store, s.id, 'sana@shop.example', 'owner');
    await seedMember(store, s.id, 'rafi@shop.example', 'owner');
    await seedMember(store, s.id, 'ana@shop.example', 'agent');
    await handler(postRequest(envelope([rating({ score: 1 })], { siteKey: s.siteKey })));
    // (The agent's mail about the follow-up assigned to them is not part of this.)
    const alerts = () =>
      smtp.mails.filter((m) => m.decoded.includes('Delivery destination disabled'));
    await until(() => alerts().length === 2, 'the owners alerts');
    expect(
      alerts()
        .map((m) => m.to.map((a) => a.toLowerCase()).sort())
        .sort(),
    ).toEqual([['owner@example.com', 'rafi@shop.example'], ['sana@shop.example']]);
    // Three failures in a row disable it, and not one more: the third failure's settle disables
    // it in the same statement that schedules the retry (due in 20–40 ms here).
    const attempts = receiver.received.length;
    expect(attempts).toBe(3);
    const list = await handler(getRequest('/v1/destinations', s.secretKey));
    const { destinations } = (await list.json()) as {
      destinations: Array<{ id: string; disabledAt: string | null; target: unknown }>;
    };
    const hook = destinations.find((d) => d.id === 'hook')!;
    expect(hook.disabledAt).not.toBeNull();
    expect(hook.target).toBe(receiver.url); // the origin only, never the path or a secret
    // The built-in destination that mails members is listed with its health like the others.
    expect(destinations.map((d) => d.id).sort()).toEqual(['hook', 'owners', 'people']);
    expect(destinations.find((d) => d.id === 'people')).toMatchObject({
      kind: 'email',
      target: 'members',
      consecutiveFailures: 0,
      disabledAt: null,
    });
    const enable = await handler(
      secretCall('/v1/destinations/hook/enable', s.secretKey, 'POST', undefined),
    );
    expect(enable.status).toBe(200);
    await until(() => receiver.received.length > attempts, 'attempts after enabling');
    expect(
      (await handler(secretCall('/v1/destinations/nope/enable', s.secretKey, 'POST'))).status,
    ).toBe(404);
    await handler.close();
    await receiver.close();
    await smtp.close();
  });

  it('keeps each attempt (time, status, latency, error), the newest 20, across a replay', async () => {
    let status = 500;
    const receiver = await startReceiver((_r, res) => res.writeHead(status).end());
    const s = site({
      destinations: [{ id: 'hook', kind: 'webhook', url: `${receiver.url}/h`, secret: SECRET }],
    });
    const handler = collector(store, [s], {
      delivery: { pollMs: 20, baseDelayMs: 1, maxDelayMs: 5, disableAfter: 1000 },
    });
    const began = Date.now();
    await handler(postRequest(envelope([rating({ score: 1 })], { siteKey: s.siteKey })));
    await until(() => receiver.received.length >= 24, '24 attempts');
    status = 204;
    await until(
      async () => (await log(handler, s.secretKey, '?state=delivered')).length === 1,
      'the delivery',
    );
    const [delivery] = await log(handler, s.secretKey);
    const { history } = delivery!;
    expect(history).toHaveLength(20);
    expect(history.at(-1)).toMatchObject({ status: 204, error: null });
    expect(history.slice(0, -1).every((a) => a.status === 500 && a.error === 'HTTP 500')).toBe(
      true,
    );
    const times = history.map((a) => Date.parse(a.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(began - 1000);
    expect(history.every((a) => Number.isInteger(a.latencyMs) && a.latencyMs >= 0)).toBe(true);
    // A replay adds to the history; it does not start it again.
    await handler(
      secretCall('/v1/deliveries/replay', s.secretKey, 'POST', { eventId: delivery!.eventId }),
    );
    await until(
      async () => (await log(handler, s.secretKey))[0]!.history.at(-1)!.at !== history.at(-1)!.at,
      'the replayed attempt',
    );
    const after = (await log(handler, s.secretKey))[0]!.history;
    expect(after).toHaveLength(20);
    expect(after.at(-2)).toEqual(history.at(-1));
    await handler.close();
    await receiver.close();
  });
});
