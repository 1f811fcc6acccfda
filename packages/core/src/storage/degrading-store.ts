import type { KeyValueStore } from '../types';
import { memoryStore } from './sync-store';

/**
 * Wraps the chosen storage so that a failure at run time (quota exceeded, storage cleared or
 * blocked mid-session) switches to memory instead of losing the rating or throwing into the page.
 * The switch is reported once through `onDegrade`; ratings already on disk are sent by the next
 * page view that can read them.
 */
export function degradingStore(
  initial: KeyValueStore,
  onDegrade: (reason: string) => void,
): () => KeyValueStore {
  let current = initial;
  const wrap =
    <A extends unknown[], R>(op: (store: KeyValueStore, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const store = current;
      try {
        return await op(store, ...args);
      } catch (error) {
        if (store.kind === 'memory') throw error;
        if (current === store) {
          current = memoryStore();
          onDegrade(`${store.kind} failed: ${(error as Error | null)?.message || String(error)}`);
        }
        return op(current, ...args);
      }
    };
  const wrapped: KeyValueStore = {
    get kind() {
      return current.kind;
    },
    get: wrap((s, key: string) => s.get(key)),
    set: wrap((s, key: string, value: unknown) => s.set(key, value)),
    del: wrap((s, keys: string[]) => s.del(keys)),
    entries: wrap((s, prefix: string) => s.entries(prefix)),
    update: wrap((s, key: string, fn: (old: unknown) => unknown) => s.update(key, fn)),
  } as KeyValueStore;
  return () => wrapped;
}
