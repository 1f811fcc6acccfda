import { describe, expect, it } from 'vitest';
import { installCollector, makeClient, stars } from './_util/harness';

describe('offer()', () => {
  it('lets an optional prompt show at once, before storage is chosen, and confirms it', async () => {
    installCollector();
    const client = makeClient();
    const offer = client.offer({ interactionId: 'ride-1' });
    expect(offer.early).toBe(true);
    expect(await offer.decision).toEqual({ ask: true, reason: 'ok' });
  });

  it('says to withdraw an optional prompt that storage rules out', async () => {
    installCollector();
    const client = makeClient({ recontact: { cooldownMs: 60_000 } });
    expect(await client.offer({ interactionId: 'ride-1' }).decision).toMatchObject({ ask: true });
    const second = client.offer({ interactionId: 'ride-2' });
    expect(second.early).toBe(true);
    expect(await second.decision).toEqual({ ask: false, reason: 'cooldown' });
  });

  it('does not show early what this client saw rated', async () => {
    installCollector();
    const client = makeClient();
    await client.rate(stars('ride-1'));
    const offer = client.offer({ interactionId: 'ride-1' });
    expect(offer.early).toBe(false);
    expect(await offer.decision).toEqual({ ask: false, reason: 'already_rated' });
  });

  it('holds a required prompt until it is durably pending, despite recontact rules', async () => {
    installCollector();
    const client = makeClient({ recontact: { sampleRate: 0 } });
    const offer = client.offer({
      interactionId: 'ride-1',
      required: true,
      prompt: { title: 'Rate' },
    });
    expect(offer.early).toBe(false);
    expect(await offer.decision).toMatchObject({ ask: true });
    // Durable: a new client on the same storage (the next page view) finds it.
    const next = makeClient();
    expect((await next.pending()).map((p) => [p.interactionId, p.prompt])).toEqual([
      ['ride-1', { title: 'Rate' }],
    ]);
  });

  it('does not leave a required prompt pending for an interaction already rated', async () => {
    installCollector();
    const client = makeClient();
    await client.rate(stars('ride-1'));
    expect(await client.offer({ interactionId: 'ride-1', required: true }).decision).toEqual({
      ask: false,
      reason: 'already_rated',
    });
    expect(await client.pending()).toEqual([]);
  });
});
