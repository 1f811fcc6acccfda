import type { ClientOptions, KeyValueStore, StorageKind } from '../types';
import { idbStore } from './idb-store';
import { localStorageStore, memoryStore } from './sync-store';

export interface StorageChoice {
  store: KeyValueStore;
  /** Why a better storage was not used, when it was not. */
  reason?: string;
}

/** @internal Exported for tests. */
export async function probe(make: () => KeyValueStore): Promise<KeyValueStore> {
  const store = make();
  // A write-read-delete round trip: private modes and blocked third-party storage fail here,
  // not on `open`, and quota errors show up only on write. The key is unique to this probe:
  // tabs opening at the same moment must not delete each other's probe.
  const key = `probe:${Math.random()}`;
  await store.set(key, 1);
  if ((await store.get(key)) !== 1) throw new Error('read back a different value');
  await store.del([key]);
  return store;
}

const describe = (kind: string, error: unknown) =>
  `${kind} unavailable: ${(error as Error | null)?.message || String(error)}`;

/** Feature-tests storages in order IndexedDB → localStorage → memory and picks the first that works. */
export async function selectStorage(
  preference: ClientOptions['storage'],
  namespace: string,
): Promise<StorageChoice> {
  if (typeof preference === 'object') return { store: preference };
  const candidates: Array<[StorageKind, () => KeyValueStore]> = [
    ['indexeddb', () => idbStore(`${namespace}-v1`)],
    ['localstorage', () => localStorageStore(namespace)],
  ];
  const wanted = preference === undefined || preference === 'auto' ? undefined : preference;
  const reasons: string[] = [];
  for (const [kind, make] of candidates) {
    if (wanted && wanted !== kind) continue;
    try {
      return {
        store: await probe(make),
        ...(reasons.length ? { reason: reasons.join('; ') } : {}),
      };
    } catch (error) {
      reasons.push(describe(kind, error));
    }
  }
  if (wanted === 'memory') return { store: memoryStore() };
  reasons.push('ratings are kept in memory only until sent');
  return { store: memoryStore(), reason: reasons.join('; ') };
}
