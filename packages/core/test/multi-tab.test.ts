import { describe, expect, it } from 'vitest';
import { createFakeLockManager } from './_util/fake-locks';
import { installCollector, makeClient, settle, stars } from './_util/harness';

describe('many tabs on one origin', () => {
  it.each([
    ['Web Locks', true],
    ['the storage lease fallback', false],
  ])(
    'with %s, three tabs rating 100 each send every rating exactly once',
    { timeout: 30_000 },
    async (_, useLocks) => {
      const collector = installCollector();
      collector.setMode({ kind: 'offline' });
      const locks = createFakeLockManager();
      const tabs = [1, 2, 3].map(() =>
        makeClient({ locks: useLocks ? locks.forTab() : null, retry: { baseMs: 1, capMs: 1 } }),
      );
      for (const [t, tab] of tabs.entries()) {
        for (let i = 0; i < 100; i++) await tab.rate(stars(`tab${t}-${i}`));
      }
      collector.setMode({ kind: 'ok' });
      collector.requests.length = 0;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.all(tabs.map((tab) => tab.flush()));
      await Promise.all(tabs.map((tab) => tab.flush()));
      await settle();
      const attempts = collector.requests.flatMap((r) => r.ratings.map((x) => x.id));
      expect(collector.stored.size).toBe(300);
      expect(attempts).toHaveLength(300);
      expect(new Set(attempts).size).toBe(300);
      for (const tab of tabs) expect(await tab.queued()).toEqual([]);
    },
  );

  it('a tab that closes mid-send leaves its ratings for another tab (lease expires)', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'timeout' });
    const first = makeClient({ timeoutMs: 60_000 });
    const rating = await first.rate(stars('a'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(collector.requests).toHaveLength(1);
    first.destroy(); // the tab dies with its request in flight and its lease held
    collector.setMode({ kind: 'ok' });
    const second = makeClient({ timeoutMs: 10 });
    await settle(50);
    // The dead tab's lease (2 × timeout + 5 s) has not expired yet: no double send.
    expect(collector.stored.size).toBe(0);
    const realNow = Date.now;
    Date.now = () => realNow() + 200_000;
    try {
      await second.flush();
    } finally {
      Date.now = realNow;
    }
    expect(collector.stored.has(rating.id)).toBe(true);
  });
});
