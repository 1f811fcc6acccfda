import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { pgliteStore } from '../../src/store/pglite';
import { postgresStore } from '../../src/store/postgres';
import type { Store } from '../../src/store/types';

export interface StoreHandle {
  store: Store;
  cleanup(): Promise<void>;
}

export interface StoreCase {
  name: string;
  create(): Promise<StoreHandle>;
}

export const DATABASE_URL = process.env.RAAYE_TEST_DATABASE_URL;

const pglite: StoreCase = {
  name: 'pglite',
  async create() {
    const store = await pgliteStore();
    return { store, cleanup: () => store.close() };
  },
};

// Each run gets its own schema, so parallel files and CI reruns never see each other's rows.
const postgresCase = (url: string): StoreCase => ({
  name: 'postgres',
  async create() {
    const schema = `raaye_test_${Math.random().toString(36).slice(2, 10)}`;
    const store = await postgresStore(url, { schema, max: 5 });
    return {
      store,
      async cleanup() {
        await store.close();
        const sql = postgres(url, { max: 1, onnotice: () => {} });
        await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await sql.end();
      },
    };
  },
});

/** PGlite always; PostgreSQL when RAAYE_TEST_DATABASE_URL is set (see postgres-required.test.ts). */
export const storeCases: StoreCase[] = DATABASE_URL
  ? [pglite, postgresCase(DATABASE_URL)]
  : [pglite];

/**
 * The store of the enclosing `describe.each(storeCases)`: opened once before its tests and closed
 * after them; read `.store` inside a test. The long hook timeout is for PGlite, which takes
 * seconds to open on a loaded machine.
 */
export function openStore(storeCase: StoreCase): { readonly store: Store } {
  let handle: StoreHandle | undefined;
  beforeAll(async () => {
    handle = await storeCase.create();
  }, 180_000);
  afterAll(() => handle?.cleanup());
  return {
    get store() {
      if (!handle) throw new Error(`the ${storeCase.name} store is not open yet`);
      return handle.store;
    },
  };
}
