import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../src/storage/sync-store';
import { advance, installCollector, makeClient, stars, useFakeClock } from './_util/harness';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The device clock jumps (a user fixes it, or NTP does) while real time barely moves. */
const setDeviceClock = (at: number) => vi.setSystemTime(at);

describe('a wrong device clock', () => {
  it.each([
    ['1999', Date.parse('1999-03-01T10:00:00Z')],
    ['2101', Date.parse('2101-03-01T10:00:00Z')],
  ])(
    'does not expire a rating made while the clock read %s, in this page or the next',
    async (_, wrong) => {
      const right = Date.parse('2026-11-23T12:00:00Z');
      useFakeClock(wrong);
      const collector = installCollector();
      collector.setMode({ kind: 'offline' });
      const shared = memoryStore();
      const first = makeClient({ storage: shared, retry: { baseMs: 100, capMs: 100 } });
      const dropped = vi.fn();
      first.on('dropped', dropped);
      const rating = await first.rate(stars('ride-1'));
      await advance(1_000);
      setDeviceClock(right);
      expect((await first.queued()).map((r) => r.id)).toEqual([rating.id]);
      first.destroy();

      // The next page view, with the clock right and the collector back: the rating is delivered.
      const second = makeClient({ storage: shared, retry: { baseMs: 100, capMs: 100 } });
      second.on('dropped', dropped);
      collector.setMode({ kind: 'ok' });
      await advance(2_000);
      expect(collector.stored.has(rating.id)).toBe(true);
      expect(dropped).not.toHaveBeenCalled();
    },
  );

  it('does not expire a rating because the clock jumped years ahead between page views', async () => {
    useFakeClock();
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const shared = memoryStore();
    const first = makeClient({ storage: shared });
    const rating = await first.rate(stars('ride-1'));
    first.destroy();
    setDeviceClock(Date.now() + 75 * YEAR_MS);
    const second = makeClient({ storage: shared });
    const dropped = vi.fn();
    second.on('dropped', dropped);
    expect((await second.queued()).map((r) => r.id)).toEqual([rating.id]);
    expect(dropped).not.toHaveBeenCalled();
  });

  it('does not forget a required prompt asked while the clock read 1999', async () => {
    useFakeClock(Date.parse('1999-03-01T10:00:00Z'));
    installCollector();
    const shared = memoryStore();
    const first = makeClient({ storage: shared });
    await first.expect({ interactionId: 'ride-1', prompt: { title: 'Rate your ride' } });
    first.destroy();
    setDeviceClock(Date.parse('2026-11-23T12:00:00Z'));
    const second = makeClient({ storage: shared });
    expect((await second.pending()).map((p) => p.interactionId)).toEqual(['ride-1']);
  });

  it('does not keep waiting out a backoff set while the clock ran ahead', async () => {
    useFakeClock(Date.parse('2101-03-01T10:00:00Z'));
    const collector = installCollector();
    collector.setMode({ kind: 'status', status: 503 });
    const shared = memoryStore();
    const first = makeClient({ storage: shared, retry: { baseMs: 60_000, capMs: 60_000 } });
    await first.rate(stars('ride-1'));
    await advance(100);
    first.destroy();
    setDeviceClock(Date.parse('2026-11-23T12:00:00Z'));
    collector.setMode({ kind: 'ok' });
    const second = makeClient({ storage: shared, retry: { baseMs: 60_000, capMs: 60_000 } });
    await advance(100);
    expect(collector.stored.size).toBe(1);
    second.destroy();
  });

  it('still expires a rating when both the device clock and the page-view clock say it is old', async () => {
    useFakeClock();
    installCollector().setMode({ kind: 'offline' });
    const shared = memoryStore();
    const options = { storage: shared, queue: { maxAgeMs: 60_000 } } as const;
    const first = makeClient(options);
    const rating = await first.rate(stars('old'));
    first.destroy();
    await advance(40_000, 1_000);
    // A page view in between: its gap (40 s) is plausible and counts.
    const between = makeClient(options);
    await between.queued();
    between.destroy();
    await advance(30_000, 1_000);
    const third = makeClient(options);
    const dropped = vi.fn();
    third.on('dropped', dropped);
    expect(await third.queued()).toEqual([]);
    expect(dropped).toHaveBeenCalledWith({ id: rating.id, reason: 'expired' });
  });
});
