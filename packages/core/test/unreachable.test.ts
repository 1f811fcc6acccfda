import { describe, expect, it, vi } from 'vitest';
import type { RaayeError } from '../src/errors/RaayeError';
import { advance, installCollector, makeClient, stars, useFakeClock } from './_util/harness';

describe('an unreachable collector', () => {
  it('is reported once per episode, naming CSP, CORS and offline, and the rating stays queued', async () => {
    useFakeClock();
    const collector = installCollector();
    collector.setMode({ kind: 'offline' }); // fetch rejects with a bare TypeError, as CSP does
    const client = makeClient({
      storage: 'memory',
      retry: { baseMs: 100, capMs: 100 },
      flushIntervalMs: 500,
    });
    const errors: RaayeError[] = [];
    client.on('error', (e) => errors.push(e));
    const rating = await client.rate(stars('ride-1'));
    await advance(10_000);
    expect(collector.requests.length).toBeGreaterThan(5);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'collector_unreachable' });
    expect(errors[0]!.message).toMatch(/connect-src.*CORS.*offline/);
    expect((await client.queued()).map((r) => r.id)).toEqual([rating.id]);

    // An answer ends the episode; the next run of failures is reported again.
    collector.setMode({ kind: 'ok' });
    await advance(1_000);
    expect(collector.stored.has(rating.id)).toBe(true);
    collector.setMode({ kind: 'offline' });
    await client.rate(stars('ride-2'));
    await advance(10_000);
    expect(errors).toHaveLength(2);
  });

  it('is not reported for answers that are errors (the collector is there)', async () => {
    useFakeClock();
    const collector = installCollector();
    collector.setMode({ kind: 'status', status: 503 });
    const client = makeClient({
      storage: 'memory',
      retry: { baseMs: 100, capMs: 100 },
      flushIntervalMs: 500,
    });
    const error = vi.fn();
    client.on('error', error);
    await client.rate(stars('ride-1'));
    await advance(5_000);
    expect(collector.requests.length).toBeGreaterThan(3);
    expect(error).not.toHaveBeenCalled();
  });
});
