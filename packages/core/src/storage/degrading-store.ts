import type { KeyValueStore } from '../types';
import { memoryStore } from './sync-store';

type Method = Exclude<keyof KeyValueStore, 'kind'>;

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
  const call = async (method: Method, args: unknown[]): Promise<unknown> => {
    const store = current;
    const run = (s: KeyValueStore) => (s[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    try {
      return await run(store);
    } catch (error) {
      if (store.kind === 'memory') throw error;
      if (current === store) {
        current = memoryStore();
        onDegrade(`${store.kind} failed: ${(error as Error | null)?.message || String(error)}`);
      }
      return run(current);
    }
  };
  const wrapped = {
    get kind() {
      return current.kind;
    },
  } as KeyValueStore;
  wrapped.close = async () => current.close?.();
  for (const method of ['get', 'set', 'del', 'entries', 'update'] as const) {
    (wrapped as unknown as Record<Method, unknown>)[method] = (...args: unknown[]) =>
      call(method, args);
  }
  return () => wrapped;
}
