import { vi } from 'vitest';
import { createClient } from '../../src/client';
import type { ClientOptions, RaayeClient } from '../../src/types';
import { createFakeCollector, type FakeCollector } from './fake-collector';

export const ENDPOINT = 'https://collector.test';

/** Only the clock is faked: fake-indexeddb schedules its work with setImmediate, which stays real. */
export function useFakeClock(now = Date.parse('2026-11-23T12:00:00Z')) {
  vi.useFakeTimers({
    toFake: ['Date', 'performance', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
    now,
  });
}

/** Installs a fake collector as `fetch` and `navigator.sendBeacon`. */
export function installCollector(): FakeCollector {
  const collector = createFakeCollector();
  vi.stubGlobal('fetch', collector.fetch);
  Object.defineProperty(navigator, 'sendBeacon', {
    value: collector.sendBeacon,
    configurable: true,
  });
  return collector;
}

export function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { value: online, configurable: true });
  if (online) window.dispatchEvent(new Event('online'));
}

const live = new Set<RaayeClient>();

/** A client on the fake collector's endpoint; destroyed after the test even if the test fails. */
export function makeClient(options: Partial<ClientOptions> = {}): RaayeClient {
  const client = createClient({ siteKey: 'pk_test', endpoint: ENDPOINT, locks: null, ...options });
  live.add(client);
  return client;
}

export function destroyClients() {
  for (const client of live) client.destroy();
  live.clear();
}

/**
 * Moves the fake clock by `ms`, in steps, letting IndexedDB work (real setImmediate) finish
 * between steps the way it would between timer ticks in a browser.
 */
export async function advance(ms: number, step = 50) {
  for (let left = ms; left > 0; left -= step) {
    await vi.advanceTimersByTimeAsync(Math.min(step, left));
    await settle(20);
  }
}

/** Waits for real async work (IndexedDB) without moving the fake clock. */
export async function settle(rounds = 5) {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

export const stars = (interactionId: string, score = 5) =>
  ({ interactionId, scale: 'stars5', score }) as const;
