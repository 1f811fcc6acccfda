import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTOR_CLI, type RunningCli, startCollectorCli } from '@raaye/test-utils/collector-cli';
import postgres from 'postgres';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** Where a test collector keeps its data: a fresh PGlite directory, or a fresh PostgreSQL schema. */
export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when RAAYE_TEST_DATABASE_URL is set (CI sets it). */
export const STORE_KINDS: StoreKind[] = process.env.RAAYE_TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TeamSite {
  id: string;
  siteKey: string;
  secretKey: string;
  members: Array<{ email: string; role: string; password: string; name?: string }>;
  destinations?: unknown[];
}

export type TeamCollector = RunningCli;

/** A secret key the CLI accepts (32+ random characters); test sites get a fresh one each run. */
export const secretKey = () => `sk_${randomBytes(24).toString('base64url')}`;

/**
 * The real collector CLI with a config file (the given sites, any origin, an SMTP server, fast
 * delivery retries) on 127.0.0.1 and a random free port. Each site's first members are made
 * with `raaye-collector members add` before the server starts, as an operator would. The data
 * lives in a fresh PGlite directory or a fresh schema of RAAYE_TEST_DATABASE_URL, removed on stop.
 */
export async function startTeamCollector(options: {
  store: StoreKind;
  sites: TeamSite[];
  mail?: { smtp: string; from: string };
}): Promise<TeamCollector> {
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
          'members',
          'add',
          '--site',
          site.id,
          '--email',
          m.email,
          '--role',
          m.role,
          '--password-stdin',
          ...(m.name ? ['--name', m.name] : []),
          ...storeArgs,
        ],
        { input: `${m.password}\n`, stdio: ['pipe', 'pipe', 'pipe'] },
      );
    }
  }
  const config = {
    sites: options.sites.map((s) => ({
      id: s.id,
      siteKey: s.siteKey,
      secretKey: s.secretKey,
      allowedOrigins: ['*'],
      limits: { client: { burst: 300, perSecond: 50 } },
      ...(s.destinations ? { destinations: s.destinations } : {}),
    })),
    ...(options.mail ? { mail: options.mail } : {}),
    delivery: { baseDelayMs: 50, maxDelayMs: 500, pollMs: 50 },
  };
  writeFileSync(join(dir, 'raaye.json'), JSON.stringify(config));
  const cli = await startCollectorCli({
    args: ['--config', join(dir, 'raaye.json'), ...storeArgs],
    env: { RAAYE_LOG_LEVEL: 'warn' },
    // Store opens in a row (members add, then the server) on a loaded machine.
    timeoutMs: 120_000,
  });
  return {
    ...cli,
    async stop() {
      const code = await cli.stop();
      rmSync(dir, { recursive: true, force: true });
      await dropSchema();
      return code;
    },
  };
}

/** A UUIDv7-shaped id (the collector accepts any RFC 9562 UUID). */
export function uuid(): string {
  const hex = [...crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  const ms = Date.now().toString(16).padStart(12, '0');
  return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface RatingInput {
  interactionId: string;
  interactionType?: string;
  scale: string;
  score: number;
  comment?: string;
  tags?: string[];
  raterId?: string;
  locale?: string;
  user?: { id?: string; traits?: Record<string, unknown> };
  /** @default now */
  createdAt?: string;
}

/** Posts ratings as a browser on the site's page would: public key, the page's Origin. */
export async function postRatings(
  base: string,
  ratings: RatingInput[],
  siteKey = 'pk_demo',
): Promise<string[]> {
  const now = new Date().toISOString();
  const body = {
    siteKey,
    sentAt: now,
    ratings: ratings.map((r) => ({
      id: uuid(),
      raterId: `rater_${r.interactionId}`,
      source: 'web',
      createdAt: now,
      ...r,
    })),
  };
  const response = await fetch(`${base}/v1/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { results: Array<{ id: string; status: string }> };
  if (!response.ok || json.results.some((r) => r.status !== 'accepted')) {
    throw new Error(`ratings not accepted: ${response.status} ${JSON.stringify(json)}`);
  }
  return json.results.map((r) => r.id);
}
