import postgres from 'postgres';

export interface ScratchDatabase {
  /** The new database's URL (same server and credentials as the admin URL). */
  url: string;
  /** Drops it, closing any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * A database of its own on the PostgreSQL at `adminUrl`, for a test that runs collector
 * processes (they migrate into the database's default schema, so a schema per test is not enough).
 */
export async function createScratchDatabase(
  adminUrl: string,
  prefix: string,
): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(prefix)) {
    throw new Error(`prefix must be a lower-case SQL identifier, got ${JSON.stringify(prefix)}`);
  }
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    async drop() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
