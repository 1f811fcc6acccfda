import { createStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { advance, installCollector, makeClient, stars, useFakeClock } from './_util/harness';

describe('durable queue', () => {
  it('rejects with queue_full at maxItems and reports the drop', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory', queue: { maxItems: 3 } });
    const dropped = vi.fn();
    client.on('dropped', dropped);
    for (let i = 0; i < 3; i++) await client.rate(stars(`r-${i}`));
    const error = await client.rate(stars('r-3')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'queue_full' });
    expect((error as Error).message).toMatch(/raise queue.maxItems/);
    expect(dropped).toHaveBeenCalledWith({ id: expect.any(String), reason: 'full' });
    expect(await client.queued()).toHaveLength(3);
  });

  it('rejects with queue_full at maxBytes', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory', queue: { maxBytes: 3000 } });
    await client.rate({ ...stars('a'), comment: 'x'.repeat(1500) });
    await expect(client.rate({ ...stars('b'), comment: 'x'.repeat(1500) })).rejects.toMatchObject({
      code: 'queue_full',
    });
  });

  it('drops ratings older than maxAgeMs with an expired event', async () => {
    useFakeClock();
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({
      storage: 'memory',
      queue: { maxAgeMs: 60_000 },
      retry: { baseMs: 1e6, capMs: 1e6 },
    });
    const dropped = vi.fn();
    client.on('dropped', dropped);
    const rating = await client.rate(stars('old'));
    await advance(61_000, 1000);
    expect(await client.queued()).toEqual([]);
    expect(dropped).toHaveBeenCalledWith({ id: rating.id, reason: 'expired' });
  });

  it('leaves records of a newer schema version untouched, for the newer SDK in another tab', async () => {
    const collector = installCollector();
    const newer = { v: 2, rating: { id: 'from-the-future' }, bytes: 10, queuedAt: Date.now() };
    await set('q:from-the-future', newer, createStore('raaye-v1', 'kv'));
    const client = makeClient();
    await client.rate(stars('a'));
    await client.flush();
    expect(collector.stored.size).toBe(1);
    expect(collector.requests.flatMap((r) => r.ratings.map((x) => x.id))).not.toContain(
      'from-the-future',
    );
    const { get } = await import('idb-keyval');
    expect(await get('q:from-the-future', createStore('raaye-v1', 'kv'))).toEqual(newer);
  });

  it('keeps its queue across reloads and sends it on start-up', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const first = makeClient();
    const rating = await first.rate(stars('a'));
    first.destroy();
    collector.setMode({ kind: 'ok' });
    // The first tab may still hold the sender lease for a moment; look again soon.
    const second = makeClient({ flushIntervalMs: 100 });
    const sent = await new Promise((resolve) => second.on('sent', resolve));
    expect(sent).toEqual({ id: rating.id, status: 'accepted' });
    expect(collector.stored.get(rating.id)?.createdAt).toBe(rating.createdAt);
  });
});
