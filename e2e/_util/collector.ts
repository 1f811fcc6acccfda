import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredRating } from '@raaye/protocol';
import { startCollectorCli } from '@raaye/test-utils/collector-cli';

export const REPO_ROOT = join(import.meta.dirname, '..', '..');

export const SITE_KEY = 'pk_e2e';
// Long and random-looking: the CLI refuses weak secret keys at start-up.
export const SECRET_KEY = 'sk_e2e_Qm7vX2pL9rT4wZ8nB3kD6hF1jS5cY0aG';
/** The site's rater-token signing secret (its backend signs with `signRaterToken`). */
export const SIGNING_SECRET = 'ss_e2e_V8kR2mQ7xT4pL9wZ3nB6dH1jF5cY0sGa';

// What the export API sends: the contract's read-side row.
export type { StoredRating };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningCollector {
  url: string;
  /** Every rating the collector stored, read back through its export API with the secret key. */
  stored(): Promise<StoredRating[]>;
  stop(): Promise<void>;
  output(): string;
}

/**
 * Starts the real collector CLI (the one users run, through the shared launcher) on 127.0.0.1: on
 * PGlite in a temp dir, or on PostgreSQL when `databaseUrl` is given. One site, `pk_e2e`, allows
 * the given page origins, signs rater tokens with `SIGNING_SECRET`, with rate limits of `requestsPerSecond` (high enough not to shape a
 * test; bench/ raises them further).
 */
export async function startCollector(options: {
  origins: string[];
  databaseUrl?: string;
  requestsPerSecond?: number;
  /** Rater policy of the site (docs/security.md). @default 'open' */
  raters?: 'signed' | 'open';
}): Promise<RunningCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'raaye-e2e-'));
  const config = join(dir, 'config.json');
  const rate = options.requestsPerSecond ?? 10_000;
  const limit = { burst: rate, perSecond: rate };
  writeFileSync(
    config,
    JSON.stringify({
      sites: [
        {
          id: 'e2e',
          siteKey: SITE_KEY,
          secretKey: SECRET_KEY,
          allowedOrigins: options.origins,
          signingSecret: SIGNING_SECRET,
          raters: options.raters ?? 'open',
          limits: { client: limit, site: limit },
        },
      ],
    }),
  );
  const args = ['--config', config];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  else args.push('--data-dir', join(dir, 'data'));
  const cli = await startCollectorCli({ args }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  const url = cli.url;
  return {
    url,
    output: cli.output,
    async stored() {
      const rows: StoredRating[] = [];
      let next: string | null = `${url}/v1/ratings?format=ndjson&limit=1000`;
      while (next) {
        const response: Response = await fetch(next, {
          headers: { authorization: `Bearer ${SECRET_KEY}` },
        });
        if (!response.ok)
          throw new Error(`export failed: ${response.status} ${await response.text()}`);
        const text = await response.text();
        for (const line of text.split('\n')) if (line.trim()) rows.push(JSON.parse(line));
        const cursor = response.headers.get('raaye-next-cursor');
        next = cursor
          ? `${url}/v1/ratings?format=ndjson&limit=1000&cursor=${encodeURIComponent(cursor)}`
          : null;
      }
      return rows;
    },
    async stop() {
      await cli.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
