import { describe, expect, it, vi } from 'vitest';
import { probe } from '../src/storage/select-storage';
import { memoryStore } from '../src/storage/sync-store';
import type { KeyValueStore } from '../src/types';
import { installCollector, makeClient, settle, stars } from './_util/harness';

const storageEvent = (client: ReturnType<typeof makeClient>) =>
  new Promise<{ kind: string; durable?: boolean; reason?: string }>((resolve) =>
    client.on('storage', resolve),
  );

describe('storage selection', () => {
  it('uses IndexedDB when it works, and says so', async () => {
    installCollector();
    const client = makeClient();
    expect(await storageEvent(client)).toEqual({ kind: 'indexeddb', durable: true });
    expect(await client.storage()).toBe('indexeddb');
  });

  it('does not let two tabs probing the same storage at once fail each other', async () => {
    // Regression (found by the fault-injection test): with one shared probe key, a tab that
    // finished its probe deleted the other tab's, and the other fell back to localStorage.
    const shared = memoryStore();
    let release!: () => void;
    const otherTabDone = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slowReader: KeyValueStore = {
      ...shared,
      kind: shared.kind,
      get: async (key) => {
        await otherTabDone; // the other tab probes completely between our write and our read
        return shared.get(key);
      },
    };
    const first = probe(() => slowReader);
    await probe(() => shared);
    release();
    await expect(first).resolves.toBe(slowReader);
  });

  it('falls back to localStorage when IndexedDB throws on open', async () => {
    installCollector().setMode({ kind: 'offline' });
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const client = makeClient();
    const event = await storageEvent(client);
    expect(event).toMatchObject({ kind: 'localstorage', durable: false });
    expect(event.reason).toContain('indexeddb unavailable');
    const rating = await client.rate(stars('a'));
    expect(localStorage.getItem(`raaye:q:${rating.id}`)).toContain(rating.id);
  });

  it('falls back to memory when IndexedDB is missing and localStorage is absent', async () => {
    installCollector().setMode({ kind: 'offline' });
    vi.stubGlobal('indexedDB', undefined);
    vi.stubGlobal('localStorage', undefined);
    const client = makeClient();
    const event = await storageEvent(client);
    expect(event.kind).toBe('memory');
    expect(event.reason).toMatch(/indexeddb unavailable.*localstorage unavailable.*memory only/);
    await client.rate(stars('a'));
    expect(await client.queued()).toHaveLength(1);
  });

  it('falls back when a write fails with QuotaExceededError during the probe', async () => {
    installCollector().setMode({ kind: 'offline' });
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const client = makeClient();
    expect((await storageEvent(client)).kind).toBe('localstorage');
  });

  it('switches to memory when storage fails mid-session, without losing the rating or throwing', async () => {
    const collector = installCollector();
    collector.setMode({ kind: 'offline' });
    const client = makeClient({ retry: { baseMs: 1, capMs: 1 } });
    expect((await storageEvent(client)).kind).toBe('indexeddb');
    await settle();
    const events: Array<{ kind: string }> = [];
    client.on('storage', (e) => events.push(e));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const rating = await client.rate(stars('a'));
    expect(events).toEqual([expect.objectContaining({ kind: 'memory' })]);
    expect((await client.queued()).map((r) => r.id)).toEqual([rating.id]);
    collector.setMode({ kind: 'ok' });
    // A flush may join an attempt that began while offline (and fails); the rating stays queued
    // in memory and the next flush sends it.
    await vi.waitFor(
      async () => {
        await client.flush();
        expect(collector.stored.has(rating.id)).toBe(true);
      },
      { timeout: 10_000, interval: 20 },
    );
  });

  it('reopens a closed IndexedDB connection once and carries on', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient();
    await client.rate(stars('a'));
    const original = IDBDatabase.prototype.transaction;
    let failures = 1;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args
    ) {
      if (failures-- > 0)
        throw new DOMException('The database connection is closing.', 'InvalidStateError');
      return original.apply(this, args as Parameters<typeof original>);
    });
    await client.rate(stars('b'));
    expect(await client.storage()).toBe('indexeddb');
    expect(await client.queued()).toHaveLength(2);
  });

  it('keeps working in Node-like contexts with no storage at all (memory)', async () => {
    installCollector().setMode({ kind: 'offline' });
    const client = makeClient({ storage: 'memory' });
    expect(await client.storage()).toBe('memory');
  });
});
