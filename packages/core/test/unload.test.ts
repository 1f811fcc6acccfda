import { describe, expect, it, vi } from 'vitest';
import {
  advance,
  installCollector,
  makeClient,
  settle,
  stars,
  useFakeClock,
} from './_util/harness';

/** Queues one rating the collector has not taken yet (it answers 500 once). */
async function queuedRating(
  client: ReturnType<typeof makeClient>,
  collector: ReturnType<typeof installCollector>,
) {
  collector.setMode({ kind: 'status', status: 500 });
  const rating = await client.rate(stars('ride-1'));
  await advance(10);
  collector.setMode({ kind: 'ok' });
  return rating;
}

describe('pagehide', () => {
  it('sends synchronously from memory with a keepalive fetch that omits cookies', async () => {
    useFakeClock();
    const collector = installCollector();
    const calls: RequestInit[] = [];
    const fetch = collector.fetch;
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      calls.push(init);
      return fetch(url, init);
    });
    // A Request with `keepalive`, as in Chromium, Safari and Firefox ≥ 133 (happy-dom lacks it).
    vi.stubGlobal(
      'Request',
      class {
        get keepalive() {
          return true;
        }
      },
    );
    const client = makeClient({ retry: { baseMs: 1, capMs: 1 } });
    const rating = await queuedRating(client, collector);
    calls.length = 0;
    // A storage read here would come back after the document is gone: none may happen.
    const get = vi.spyOn(indexedDB, 'open');
    window.dispatchEvent(new Event('pagehide'));
    expect(calls).toHaveLength(1); // before any await
    expect(calls[0]).toMatchObject({ keepalive: true, credentials: 'omit' });
    expect(JSON.parse(String(calls[0]!.body)).ratings.map((r: { id: string }) => r.id)).toEqual([
      rating.id,
    ]);
    expect(get).not.toHaveBeenCalled();
    // The page lived on (a hidden tab): the answer is applied and the rating leaves the queue.
    await settle(20);
    expect(await client.queued()).toEqual([]);
  });

  it('falls back to sendBeacon where fetch cannot outlive the page', async () => {
    useFakeClock();
    const collector = installCollector();
    vi.stubGlobal('Request', class {});
    const client = makeClient({ retry: { baseMs: 1, capMs: 1 } });
    const rating = await queuedRating(client, collector);
    const beacon = vi.spyOn(navigator, 'sendBeacon');
    window.dispatchEvent(new Event('pagehide'));
    expect(beacon).toHaveBeenCalledTimes(1);
    await settle();
    expect(collector.requests.find((r) => r.beacon)?.ratings.map((r) => r.id)).toEqual([rating.id]);
    // Still queued: a beacon's answer is never seen, so a later flush confirms it.
    expect((await client.queued()).map((r) => r.id)).toEqual([rating.id]);
  });

  it('sends nothing when the queue is empty', async () => {
    const collector = installCollector();
    const client = makeClient({ storage: 'memory' });
    await client.rate(stars('ride-1'));
    await client.flush();
    const before = collector.requests.length;
    window.dispatchEvent(new Event('pagehide'));
    await settle();
    expect(collector.requests).toHaveLength(before);
  });
});
