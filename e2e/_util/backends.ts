import { createScratchDatabase } from '@raaye/test-utils/scratch-database';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** A fresh database for one stack, and how to drop it; undefined for embedded PGlite. */
  create(): Promise<{ databaseUrl?: string; drop(): Promise<void> }>;
}

const PG_URL = process.env.RAAYE_TEST_DATABASE_URL;

const pglite: Backend = { name: 'pglite', create: async () => ({ drop: async () => {} }) };

const postgresBackend = (url: string): Backend => ({
  name: 'postgres',
  async create() {
    const database = await createScratchDatabase(url, 'raaye_e2e');
    return { databaseUrl: database.url, drop: () => database.drop() };
  },
});

/**
 * The stores the collector runs on in these tests: PGlite always, PostgreSQL when
 * RAAYE_TEST_DATABASE_URL is set — which CI=true requires (`.ci/run` starts a throwaway cluster).
 */
export function backends(): Backend[] {
  if (PG_URL) return [pglite, postgresBackend(PG_URL)];
  if (process.env.CI === 'true') {
    throw new Error(
      'RAAYE_TEST_DATABASE_URL is not set: under CI the e2e suite must also run on PostgreSQL.',
    );
  }
  console.warn('[e2e] RAAYE_TEST_DATABASE_URL not set: running on PGlite only.');
  return [pglite];
}
