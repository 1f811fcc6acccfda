import { createStore, entries, get, promisifyRequest, set, type UseStore } from 'idb-keyval';
import type { KeyValueStore } from '../types';

/**
 * IndexedDB through idb-keyval, in a database of our own (never the shared `keyval-store`).
 * Browsers close IDB connections behind our back (idb-keyval#142: "The database connection is
 * closing"), so an `InvalidStateError` reopens the connection once and retries the operation.
 */
export function idbStore(dbName: string): KeyValueStore {
  let store: UseStore = createStore(dbName, 'kv');
  const run = async <T>(op: (s: UseStore) => Promise<T>): Promise<T> => {
    try {
      return await op(store);
    } catch (error) {
      if ((error as Error | null)?.name !== 'InvalidStateError') throw error;
      store = createStore(dbName, 'kv');
      return op(store);
    }
  };
  return {
    kind: 'indexeddb',
    // An open IDBDatabase stays alive (with its handlers) until closed: without this, every
    // client a single-page app creates and destroys would leak one connection.
    close: () => store('readonly', (os) => os.transaction.db.close()),
    get: (key) => run((s) => get(key, s)),
    set: (key, value) => run((s) => set(key, value, s)),
    del: (keys) =>
      run((s) =>
        s('readwrite', (os) => {
          for (const key of keys) os.delete(key);
          return promisifyRequest(os.transaction);
        }),
      ),
    entries: async <T>(prefix: string) => {
      const all = await run((s) => entries<string, T>(s));
      return all.filter(([key]) => key.startsWith(prefix));
    },
    // Read and write in one readwrite transaction: IDB serialises these across tabs, which is
    // what makes the fallback sender lease safe without Web Locks.
    update: <T>(key: string, fn: (old: T | undefined) => T | undefined) =>
      run((s) =>
        s('readwrite', (os) =>
          promisifyRequest<T | undefined>(os.get(key)).then((old) => {
            const next = fn(old);
            if (next === undefined) os.delete(key);
            else os.put(next, key);
            return promisifyRequest(os.transaction).then(() => next);
          }),
        ),
      ),
  };
}
