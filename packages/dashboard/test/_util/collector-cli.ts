import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTOR_CLI, type RunningCli, startCollectorCli } from '@raaye/test-utils/collector-cli';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..', '..');

export type DemoCollector = RunningCli;

/**
 * The real collector CLI in demo mode (pk_demo / sk_demo, demo page at `/`) on 127.0.0.1, on a
 * random free port, storing in a fresh PGlite directory that is removed on stop.
 */
export async function startDemoCollector(
  options: {
    /** Added with `raaye-collector members add` before the server holds the PGlite directory. */
    members?: Array<{ email: string; role: string; password: string; name?: string }>;
  } = {},
): Promise<DemoCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'raaye-dashboard-e2e-'));
  for (const m of options.members ?? []) {
    execFileSync(
      process.execPath,
      [
        COLLECTOR_CLI,
        'members',
        'add',
        '--site',
        'demo',
        '--email',
        m.email,
        '--role',
        m.role,
        '--password-stdin',
        ...(m.name ? ['--name', m.name] : []),
        '--data-dir',
        join(dir, 'data'),
      ],
      { input: `${m.password}\n`, stdio: ['pipe', 'pipe', 'pipe'] },
    );
  }
  const cli = await startCollectorCli({
    args: ['--demo', '--data-dir', join(dir, 'data')],
    env: { RAAYE_LOG_LEVEL: 'warn' },
    // Two PGlite opens in a row on a loaded machine.
    timeoutMs: 120_000,
  });
  return {
    ...cli,
    async stop() {
      const code = await cli.stop();
      rmSync(dir, { recursive: true, force: true });
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

/** Posts ratings as a browser on the demo page would: public key, the page's Origin. */
export async function postRatings(base: string, ratings: RatingInput[]): Promise<string[]> {
  const now = new Date().toISOString();
  const body = {
    siteKey: 'pk_demo',
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
