import type { KeyValueStore, StorageKind } from '../types';

interface SyncBackend {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  keys(): string[];
}

/**
 * A KeyValueStore over a synchronous string store (localStorage, or a Map for memory mode).
 * Values go through JSON so that memory mode behaves like persistent storage (no shared references).
 * Being synchronous, `update` is atomic within a tab.
 */
function syncStore(kind: StorageKind, backend: SyncBackend, prefix: string): KeyValueStore {
  const read = <T>(key: string): T | undefined => {
    const raw = backend.getItem(prefix + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  };
  const write = (key: string, value: unknown) =>
    backend.setItem(prefix + key, JSON.stringify(value));
  const under = <T>(keyPrefix: string) =>
    backend
      .keys()
      .filter((key) => key.startsWith(prefix + keyPrefix))
      .map((key): [string, T] => [
        key.slice(prefix.length),
        read<T>(key.slice(prefix.length)) as T,
      ]);
  return {
    kind,
    get: async (key) => read(key),
    set: async (key, value) => write(key, value),
    del: async (keys) => {
      for (const key of keys) backend.removeItem(prefix + key);
    },
    entries: async <T>(keyPrefix: string) => under<T>(keyPrefix),
    head: async <T>(keyPrefix: string, limit: number) =>
      under<T>(keyPrefix)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, limit),
    count: async (keyPrefix) => under(keyPrefix).length,
    update: async <T>(key: string, fn: (old: T | undefined) => T | undefined) => {
      const next = fn(read<T>(key));
      if (next === undefined) backend.removeItem(prefix + key);
      else write(key, next);
      return next;
    },
  };
}

export function localStorageStore(
  namespace: string,
  storage: Storage = localStorage,
): KeyValueStore {
  return syncStore(
    'localstorage',
    {
      getItem: (key) => storage.getItem(key),
      setItem: (key, value) => storage.setItem(key, value),
      removeItem: (key) => storage.removeItem(key),
      keys: () => Object.keys(storage),
    },
    `${namespace}:`,
  );
}

export function memoryStore(map: Map<string, string> = new Map()): KeyValueStore {
  return syncStore(
    'memory',
    {
      getItem: (key) => map.get(key) ?? null,
      setItem: (key, value) => map.set(key, value),
      removeItem: (key) => map.delete(key),
      keys: () => [...map.keys()],
    },
    '',
  );
}
