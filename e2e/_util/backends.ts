import postgres from 'postgres';

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
    const name = `raaye_e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name}`);
    await admin.end();
    const databaseUrl = new URL(url);
    databaseUrl.pathname = `/${name}`;
    return {
      databaseUrl: databaseUrl.toString(),
      async drop() {
        const sql = postgres(url, { max: 1, onnotice: () => {} });
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await sql.end();
      },
    };
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
