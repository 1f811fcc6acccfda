import { describe, expect, it, vi } from 'vitest';
import { memoryStore } from '../src/storage/sync-store';
import type { KeyValueStore, OutgoingBatch } from '../src/types';
import {
  advance,
  installCollector,
  makeClient,
  setOnline,
  settle,
  stars,
  useFakeClock,
} from './_util/harness';

const rateMany = async (client: ReturnType<typeof makeClient>, n: number, prefix = 'ride') => {
  for (let i = 0; i < n; i++) await client.rate(stars(`${prefix}-${i}`));
};

describe('flush()', () => {
  it('sends batches of at most 100 ratings and removes acknowledged ones', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    await rateMany(client, 250);
    collector.setMode({ kind: 'ok' });
    collector.requests.length = 0;
    const result = await client.flush();
    expect(result).toEqual({ sent: 250, remaining: 0 });
    expect(collector.requests.map((r) => r.ratings.length)).toEqual([100, 100, 50]);
    expect(collector.stored.size).toBe(250);
    // Without keepalive while the page stays: Chromium fails keepalive requests past 64 KiB in
    // flight ("Failed to fetch"), and two lanes of 33 KiB each lost every other request.
    // keepalive is for the unload send only (unload.test).
    expect(collector.requests.map((r) => r.keepalive)).toEqual([false, false, false]);
    client.destroy();
  });

  it('keeps every request body within 64 KiB', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    for (let i = 0; i < 60; i++)
      await client.rate({ ...stars(`r-${i}`), comment: 'é'.repeat(2000) });
    collector.setMode({ kind: 'ok' });
    const sizes: number[] = [];
    const realFetch = collector.fetch;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      sizes.push(new TextEncoder().encode(String(init.body)).length);
      return realFetch(url, init);
    });
    await client.flush();
    expect(collector.stored.size).toBe(60);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(65536);
    expect(sizes.length).toBeGreaterThan(1);
    client.destroy();
  });

  it('treats duplicate as delivered and dead-letters per-item rejections without blocking the rest', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    const good = await client.rate(stars('good'));
    const poison = await client.rate(stars('poison'));
    collector.reject.add(poison.id);
    const rejected = vi.fn();
    client.on('rejected', rejected);
    collector.setMode({ kind: 'ok' });
    await client.flush();
    expect(collector.stored.has(good.id)).toBe(true);
    expect(rejected).toHaveBeenCalledWith(
      expect.objectContaining({ ratings: [poison], reason: 'poison' }),
    );
    expect(await client.queued()).toEqual([]);
    client.destroy();
  });

  it('moves a batch to dead letters on a permanent 4xx, with an event, and does not loop', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    await rateMany(client, 3);
    collector.setMode({ kind: 'status', status: 403 });
    collector.requests.length = 0;
    const rejected = vi.fn();
    client.on('rejected', rejected);
    await client.flush();
    await client.flush();
    expect(collector.requests).toHaveLength(1);
    expect(rejected).toHaveBeenCalledWith(expect.objectContaining({ status: 403 }));
    expect(rejected.mock.calls[0]![0].ratings).toHaveLength(3);
    expect(await client.queued()).toEqual([]);
    client.destroy();
  });

  it.each([408, 425, 429, 500, 502, 503, 504])(
    'keeps the batch and backs off on %i',
    async (status) => {
      useFakeClock();
      const collector = installCollector();
      collector.setMode({ kind: 'offline' });
      const client = makeClient({ storage: 'memory', retry: { baseMs: 1000, capMs: 60_000 } });
      await client.rate(stars('a'));
      collector.setMode({ kind: 'status', status });
      collector.requests.length = 0;
      await client.flush();
      expect(await client.queued()).toHaveLength(1);
      expect(collector.requests).toHaveLength(1);
      await client.flush(); // inside the backoff window: no request
      expect(collector.requests).toHaveLength(1);
      collector.setMode({ kind: 'ok' });
      await advance(60_000);
      expect(collector.stored.size).toBe(1);
      expect(await client.queued()).toEqual([]);
      client.destroy();
    },
  );

  it('splits a batch on 413 and dead-letters a single rating the collector finds too large', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    await rateMany(client, 4);
    const realFetch = collector.fetch;
    const sizes: number[] = [];
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      const count = JSON.parse(String(init.body)).ratings.length;
      sizes.push(count);
      if (count > 1) return Promise.resolve(new Response('{}', { status: 413 }));
      collector.setMode({ kind: 'ok' });
      return realFetch(url, init);
    });
    await client.flush();
    expect(sizes.slice(0, 3)).toEqual([4, 2, 1]);
    expect(collector.stored.size).toBe(4);
    client.destroy();
  });

  it('honours Retry-After in seconds and as an HTTP-date, for every batch', async () => {
    useFakeClock();
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory', retry: { baseMs: 10, capMs: 10 } });
    await rateMany(client, 150);
    collector.setMode({ kind: 'status', status: 429, retryAfter: '7' });
    collector.requests.length = 0;
    await client.flush();
    // One request hears 429; the second lane starts only after an answer that settles ratings.
    const first = collector.requests.length;
    expect(first).toBe(1);
    collector.setMode({ kind: 'ok' });
    await advance(6_900);
    await client.flush();
    expect(collector.requests).toHaveLength(first);
    await advance(200);
    await client.flush();
    expect(collector.requests.length).toBeGreaterThan(first);
    expect(
      Math.min(...collector.requests.slice(first).map((r) => r.at)) - collector.requests[0]!.at,
    ).toBeGreaterThanOrEqual(7000);

    const date = new Date(Date.now() + 30_000).toUTCString();
    await client.rate(stars('late'));
    collector.setMode({ kind: 'status', status: 503, retryAfter: date });
    const before = collector.requests.length;
    await client.flush();
    collector.setMode({ kind: 'ok' });
    await advance(25_000);
    expect(collector.requests.length).toBe(before + 1);
    await advance(10_000);
    expect(collector.stored.size).toBe(151);
    client.destroy();
  });

  it('remembers a Retry-After across a reload', async () => {
    useFakeClock();
    const collector = installCollector();
    const first = makeClient({ retry: { baseMs: 10, capMs: 10 } });
    collector.setMode({ kind: 'status', status: 503, retryAfter: '120' });
    await first.rate(stars('a'));
    await advance(10);
    expect(collector.requests).toHaveLength(1);
    first.destroy();
    collector.setMode({ kind: 'ok' });
    const second = makeClient({ retry: { baseMs: 10, capMs: 10 } });
    await advance(60_000);
    expect(collector.requests).toHaveLength(1);
    await advance(61_000);
    expect(collector.stored.size).toBe(1);
    second.destroy();
  });

  it('does not try while offline, and sends after the online event', async () => {
    useFakeClock();
    const collector = installCollector();
    setOnline(false);
    const client = makeClient({ storage: 'memory' });
    await client.rate(stars('a'));
    await advance(60_000);
    expect(collector.requests).toHaveLength(0);
    setOnline(true);
    await advance(2_100);
    expect(collector.stored.size).toBe(1);
    client.destroy();
  });

  it('does not read the whole queue on every rate() while offline (a long queue stays linear)', async () => {
    installCollector();
    setOnline(false);
    const memory = memoryStore();
    let reads = 0;
    const store: KeyValueStore = {
      ...memory,
      kind: memory.kind,
      entries: (prefix) => {
        if (prefix === 'q:') reads++;
        return memory.entries(prefix);
      },
    };
    const client = makeClient({ storage: store });
    for (let i = 0; i < 50; i++) {
      await client.rate(stars(`r-${i}`));
      await new Promise((resolve) => setTimeout(resolve, 1)); // the flush rate() scheduled runs
    }
    expect(await client.queued()).toHaveLength(50);
    expect(reads).toBeLessThan(5);
  });

  it('drains a long queue reading only its head: records read grow linearly, not quadratically', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const memory = memoryStore();
    let read = 0;
    const counting = <T>(rows: Array<[string, T]>) => {
      read += rows.length;
      return rows;
    };
    const store: KeyValueStore = {
      ...memory,
      kind: memory.kind,
      entries: async (prefix) => counting(await memory.entries(prefix)),
      head: async (prefix, limit) => counting(await memory.head!(prefix, limit)),
    };
    const client = makeClient({ storage: store });
    await rateMany(client, 1000);
    collector.setMode({ kind: 'ok' });
    read = 0;
    expect(await client.flush()).toEqual({ sent: 1000, remaining: 0 });
    // Each round reads up to two batches ahead (200) and sends both: ≈ 2 reads per rating.
    // A full read per batch (the old drain) read ≈ 5,500 here, and 3 million for 10,000.
    expect(read).toBeLessThanOrEqual(2 * 1000 + 200);
  });

  it('retries on an interval while ratings wait, and stops its timer when the queue is empty', async () => {
    useFakeClock();
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({
      storage: 'memory',
      flushIntervalMs: 5_000,
      retry: { baseMs: 100, capMs: 1_000 },
    });
    await client.rate(stars('a'));
    await advance(20_000);
    const attempts = collector.requests.length;
    expect(attempts).toBeGreaterThanOrEqual(3);
    collector.setMode({ kind: 'ok' });
    await advance(5_000);
    expect(collector.stored.size).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    client.destroy();
  });

  it('gives up on a request that times out and retries it later', async () => {
    useFakeClock();
    const collector = installCollector();
    collector.setMode({ kind: 'timeout' });
    const client = makeClient({
      storage: 'memory',
      timeoutMs: 3_000,
      retry: { baseMs: 100, capMs: 100 },
    });
    await client.rate(stars('a'));
    await advance(3_050);
    collector.setMode({ kind: 'ok' });
    await advance(20_000);
    expect(collector.stored.size).toBe(1);
    expect(collector.requests.length).toBeGreaterThanOrEqual(2);
    client.destroy();
  });

  it('does not treat a 2xx without per-item results as delivered (a proxy or wrong endpoint)', async () => {
    useFakeClock();
    installCollector();
    vi.stubGlobal('fetch', async () => new Response('<html>ok</html>', { status: 200 }));
    const client = makeClient({ storage: 'memory' });
    await client.rate(stars('a'));
    await advance(100);
    expect(await client.queued()).toHaveLength(1);
    client.destroy();
  });

  it('sends what remains with sendBeacon on pagehide, and keeps it queued until confirmed', async () => {
    useFakeClock();
    const collector = installCollector();
    collector.setMode({ kind: 'status', status: 500 });
    const client = makeClient({ retry: { baseMs: 1, capMs: 1 } });
    const rating = await client.rate(stars('a'));
    await advance(10);
    collector.setMode({ kind: 'ok' });
    window.dispatchEvent(new Event('pagehide'));
    await advance(10);
    await settle();
    const beacon = collector.requests.find((r) => r.beacon);
    expect(beacon?.ratings.map((r) => r.id)).toEqual([rating.id]);
    // Still queued until a normal flush sees the collector's answer (a duplicate, here).
    const sent = vi.fn();
    client.on('sent', sent);
    await client.flush();
    expect(sent).toHaveBeenCalledWith({ id: rating.id, status: 'duplicate' });
    expect(await client.queued()).toEqual([]);
    client.destroy();
  });

  it('uses a custom transport when given one', async () => {
    const transport = vi.fn(async (_batch: OutgoingBatch) => ({ status: 200 }));
    const client = makeClient({ storage: 'memory', transport });
    await client.rate(stars('a'));
    await client.flush();
    expect(transport).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'https://collector.test/v1/ratings' }),
    );
    expect(
      JSON.parse(
        transport.mock.calls[0]![0] &&
          (transport.mock.calls[0]![0] as never as { body: string }).body,
      ),
    ).toMatchObject({
      siteKey: 'pk_test',
      ratings: [expect.objectContaining({ interactionId: 'a' })],
    });
    expect(await client.queued()).toEqual([]);
    client.destroy();
  });
});
