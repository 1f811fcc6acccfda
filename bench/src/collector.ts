/** The real collector CLI (what users run), with limits high enough not to shape the figures. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net';
import { sleep } from './stats';

const CLI = new URL('../../packages/collector/dist/cli.js', import.meta.url).pathname;
export const SITE_KEY = 'pk_bench';
const SECRET_KEY = 'sk_bench';

export interface RunningCli {
  url: string;
  /** How many ratings the collector has stored, counted through its export API. */
  count(): Promise<number>;
  stop(): Promise<void>;
}

export async function startCollectorCli(options: {
  origins: string[];
  databaseUrl?: string;
}): Promise<RunningCli> {
  const dir = mkdtempSync(join(tmpdir(), 'raaye-bench-'));
  const port = await freePort();
  const config = join(dir, 'config.json');
  const high = { burst: 1_000_000, perSecond: 1_000_000 };
  writeFileSync(
    config,
    JSON.stringify({
      sites: [
        {
          id: 'bench',
          siteKey: SITE_KEY,
          secretKey: SECRET_KEY,
          allowedOrigins: options.origins,
          limits: { client: high, site: high },
        },
      ],
    }),
  );
  const args = [CLI, '--port', String(port), '--config', config];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  else args.push('--data-dir', join(dir, 'data'));
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, RAAYE_LOG_LEVEL: 'warn' },
  });
  let log = '';
  child.stderr?.on('data', (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`collector exited early:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) throw new Error(`collector did not become healthy:\n${log}`);
    await sleep(100);
  }
  return {
    url,
    async count() {
      let total = 0;
      let next: string | null = `${url}/v1/ratings?format=ndjson&limit=1000`;
      while (next) {
        const response: Response = await fetch(next, {
          headers: { authorization: `Bearer ${SECRET_KEY}` },
        });
        if (!response.ok) throw new Error(`export failed: ${response.status}`);
        total += (await response.text()).split('\n').filter((l) => l.trim()).length;
        const cursor = response.headers.get('raaye-next-cursor');
        next = cursor
          ? `${url}/v1/ratings?format=ndjson&limit=1000&cursor=${encodeURIComponent(cursor)}`
          : null;
      }
      return total;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => child.once('exit', resolve));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
