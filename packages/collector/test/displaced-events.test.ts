import { startWebhookReceiver } from '@raaye/test-utils/webhook-receiver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collector, envelope, postRequest, raterToken, rating, site } from './_util/fixtures';
import { type StoreHandle, storeCases } from './_util/stores';

// Issue 11 under `raters: 'open'`: a forged (unverified) rating displaced by the verified rater's
// own must not stand in the site's other systems. What was not sent is never sent; what was
// sent is followed by `rating.displaced` (docs/webhooks.md).
const SECRET = `whsec_${Buffer.from('displaced-events test signing key!').toString('base64')}`;

async function until<T>(found: () => T | undefined | false, what: string): Promise<T> {
  const end = Date.now() + 30_000;
  for (;;) {
    const value = found();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const forgedAndReal = (interactionId: string) => ({
  forged: rating({ raterId: 'user-1042', interactionId, score: 1, comment: 'forged' }),
  real: rating({
    raterId: 'user-1042',
    interactionId,
    score: 2,
    token: raterToken('user-1042'),
  } as never),
});

describe.each(storeCases)('displaced ratings and the outbox on $name', (storeCase) => {
  let handle: StoreHandle;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeAll(async () => {
    [handle, receiver] = await Promise.all([storeCase.create(), startWebhookReceiver(SECRET)]);
  });
  afterAll(async () => {
    await receiver.close();
    await handle.cleanup();
  });

  const eventsAbout = (siteId: string, ratingId: string) =>
    handle.store.sql.query<{ type: string; data: string; pending: number }>(
      `SELECT e.type, e.data::text AS data,
         (SELECT count(*)::int FROM raaye_deliveries d WHERE d.event_seq = e.seq AND d.state = 'pending') AS pending
       FROM raaye_events e WHERE e.site_id = $1 AND e.subject_id = $2 ORDER BY e.seq`,
      [siteId, ratingId],
    );

  it('a forged rating not yet sent is never sent; rating.displaced is queued instead', async () => {
    const s = site({
      destinations: [{ id: 'hook', kind: 'webhook', url: `${receiver.url}/a`, secret: SECRET }],
    });
    // No worker: the forged rating's rating.low is still in the outbox when it is displaced.
    const handler = collector(handle.store, [s], { delivery: { enabled: false } });
    const { forged, real } = forgedAndReal('ride-a');
    await handler(postRequest(envelope([forged], { siteKey: s.siteKey })));
    expect((await eventsAbout(s.id, forged.id)).map((e) => e.type)).toEqual(['rating.low']);

    await handler(postRequest(envelope([real], { siteKey: s.siteKey })));
    const after = await eventsAbout(s.id, forged.id);
    expect(after.map((e) => e.type)).toEqual(['rating.displaced']);
    expect(JSON.parse(after[0]!.data)).toMatchObject({
      site: s.id,
      rating: { id: forged.id, comment: 'forged' },
      displacedBy: real.id,
    });
    expect((await eventsAbout(s.id, real.id)).map((e) => e.type)).toEqual(['rating.low']);
  });

  it('a forged rating already delivered is followed by rating.displaced to the same destination', async () => {
    const s = site({
      destinations: [{ id: 'hook', kind: 'webhook', url: `${receiver.url}/b`, secret: SECRET }],
    });
    const handler = collector(handle.store, [s], { delivery: { pollMs: 50, baseDelayMs: 50 } });
    try {
      const { forged, real } = forgedAndReal('ride-b');
      const about = (type: string, id: string) =>
        receiver.received.find(
          (w) => w.payload.type === type && (w.payload.data.rating as { id: string }).id === id,
        );
      await handler(postRequest(envelope([forged], { siteKey: s.siteKey })));
      await until(() => about('rating.low', forged.id), 'the forged rating.low');
      await handler(postRequest(envelope([real], { siteKey: s.siteKey })));
      const displaced = await until(() => about('rating.displaced', forged.id), 'rating.displaced');
      expect(displaced.payload.data.displacedBy).toBe(real.id);
      await until(() => about('rating.low', real.id), 'the real rating.low');
      // The receiver sees a delivery before the worker records it as done: wait for the record.
      const deadline = Date.now() + 30_000;
      while ((await eventsAbout(s.id, forged.id)).some((e) => e.pending !== 0)) {
        if (Date.now() > deadline)
          throw new Error('timed out waiting for the deliveries to settle');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await handler.close();
    }
  });
});
