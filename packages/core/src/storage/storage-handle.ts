import type { KeyValueStore, StorageKind } from '../types';
import type { StorageChoice } from './select-storage';
import { memoryStore } from './sync-store';

/**
 * The client's one way to storage. Every method waits for storage selection, so no caller has to
 * remember to; `head` and `count` fall back to `entries` for custom stores that lack them.
 */
export interface StorageHandle extends Required<Omit<KeyValueStore, 'kind'>> {
  /** Settles once selection is over. */
  readonly ready: Promise<unknown>;
  /** The storage in use (after `ready`); `memory` after a run-time failure. */
  readonly kind: StorageKind;
}

/**
 * Wraps the storage selection. A failure at run time (quota exceeded, storage cleared or blocked
 * mid-session) switches to memory instead of losing the rating or throwing into the page; ratings
 * already on disk are sent by the next page view that can read them. `onKind` hears the choice
 * (deferred, so listeners attached right after `createClient()` hear it) and any such switch.
 */
export function createStorageHandle(
  selection: Promise<StorageChoice>,
  onKind: (kind: StorageKind, reason?: string) => void,
): StorageHandle {
  let current!: KeyValueStore;
  const ready = selection.then(({ store, reason }) => {
    current = store;
    setTimeout(() => onKind(store.kind, reason), 0);
  });
  const call = async <T>(op: (store: KeyValueStore) => Promise<T>): Promise<T> => {
    await ready;
    const store = current;
    try {
      return await op(store);
    } catch (error) {
      if (store.kind === 'memory') throw error;
      if (current === store) {
        current = memoryStore();
        onKind(
          'memory',
          `${store.kind} failed: ${(error as Error | null)?.message || String(error)}`,
        );
      }
      return op(current);
    }
  };
  const sorted = <T>(store: KeyValueStore, prefix: string) =>
    store.entries<T>(prefix).then((all) => all.sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    ready,
    get kind() {
      return current.kind;
    },
    get: (key) => call((s) => s.get(key)),
    set: (key, value) => call((s) => s.set(key, value)),
    del: (keys) => call((s) => s.del(keys)),
    entries: (prefix) => call((s) => s.entries(prefix)),
    update: (key, fn) => call((s) => s.update(key, fn)),
    head: <T>(prefix: string, limit: number) =>
      call((s) =>
        s.head ? s.head<T>(prefix, limit) : sorted<T>(s, prefix).then((all) => all.slice(0, limit)),
      ),
    count: (prefix) =>
      call((s) => (s.count ? s.count(prefix) : s.entries(prefix).then((all) => all.length))),
    // Not through `call`: closing must not switch to memory or wait on a failed selection.
    close: () => ready.then(() => current.close?.()),
  };
}
