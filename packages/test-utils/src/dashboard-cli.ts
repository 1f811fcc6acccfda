import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { mustExist } from './built';
import { COLLECTOR_CLI, type RunningCli, startCollectorCli } from './collector-cli';

/** The dashboard as the CLI serves it: the copy the collector's build ships in its own dist. */
export const DASHBOARD_DIST = join(COLLECTOR_CLI, '..', 'static', 'dashboard');

/** Where the collector keeps its data: a fresh PGlite directory, or a fresh PostgreSQL schema. */
export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when RAAYE_TEST_DATABASE_URL is set (CI sets it). */
export const STORE_KINDS: StoreKind[] = process.env.RAAYE_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** A secret key the CLI accepts (32+ random characters); test sites get a fresh one each run. */
export const secretKey = () => `sk_${randomBytes(24).toString('base64url')}`;

export interface DashboardSite {
  id: string;
  siteKey: string;
  secretKey: string;
  /** Its first members, added with `raaye-collector members add` before the server starts. */
  members: Array<{ email: string; role: string; password: string; name?: string }>;
  destinations?: unknown[];
  /** @default ['*'] */
  allowedOrigins?: string[];
}

export interface DashboardCliOptions {
  /** @default 'pglite' */
  store?: StoreKind;
  sites: DashboardSite[];
  mail?: { smtp: string; from: string };
  /** The config's `delivery` block. @default fast retries: { baseDelayMs: 50, maxDelayMs: 500, pollMs: 50 } */
  delivery?: Record<string, unknown>;
  /** @default { RAAYE_LOG_LEVEL: 'warn' } */
  env?: Record<string, string>;
}

/**
 * The real collector CLI serving the built dashboard at /dashboard/, as an operator sets it up:
 * a config file with the given sites (client rate limits a browser session stays under) and each
 * site's first members made with `raaye-collector members add` before the server starts. On
 * 127.0.0.1 and a free port; the data lives in a fresh PGlite directory or a fresh schema of
 * RAAYE_TEST_DATABASE_URL, removed by `stop()`. Throws at once when the dashboard is not built.
 */
export async function startDashboardCli(options: DashboardCliOptions): Promise<RunningCli> {
  mustExist(join(DASHBOARD_DIST, 'index.html'), 'run `pnpm build` (dashboard, then collector)');
  const dir = mkdtempSync(join(tmpdir(), 'raaye-dashboard-e2e-'));
  let storeArgs = ['--data-dir', join(dir, 'data')];
  let dropSchema = async () => {};
  if (options.store === 'postgres') {
    const url = process.env.RAAYE_TEST_DATABASE_URL;
    if (!url) throw new Error('RAAYE_TEST_DATABASE_URL is not set');
    const schema = `raaye_e2e_${randomBytes(5).toString('hex')}`;
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    await sql.unsafe(`CREATE SCHEMA ${schema}`);
    await sql.end();
    // postgres.js passes unknown URL parameters to the server as connection settings.
    const withSchema = new URL(url);
    withSchema.searchParams.set('search_path', schema);
    storeArgs = ['--database-url', withSchema.toString()];
    dropSchema = async () => {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await sql.end();
    };
  }
  for (const site of options.sites) {
    for (const m of site.members) {
      execFileSync(
        process.execPath,
        [
          COLLECTOR_CLI,
          ...['members', 'add', '--site', site.id, '--email', m.email, '--role', m.role],
          '--password-stdin',
          ...(m.name ? ['--name', m.name] : []),
          ...storeArgs,
        ],
        { input: `${m.password}\n`, stdio: ['pipe', 'pipe', 'pipe'] },
      );
    }
  }
  const config = join(dir, 'raaye.json');
  writeFileSync(
    config,
    JSON.stringify({
      sites: options.sites.map((s) => ({
        id: s.id,
        siteKey: s.siteKey,
        secretKey: s.secretKey,
        allowedOrigins: s.allowedOrigins ?? ['*'],
        limits: { client: { burst: 300, perSecond: 50 } },
        ...(s.destinations ? { destinations: s.destinations } : {}),
      })),
      ...(options.mail ? { mail: options.mail } : {}),
      delivery: options.delivery ?? { baseDelayMs: 50, maxDelayMs: 500, pollMs: 50 },
    }),
  );
  const cleanup = async () => {
    rmSync(dir, { recursive: true, force: true });
    await dropSchema();
  };
  const cli = await startCollectorCli({
    args: ['--config', config, ...storeArgs],
    env: options.env ?? { RAAYE_LOG_LEVEL: 'warn' },
    // Store opens in a row (members add, then the server) on a loaded machine.
    timeoutMs: 120_000,
  }).catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  return {
    ...cli,
    async stop() {
      const code = await cli.stop();
      await cleanup();
      return code;
    },
  };
}
