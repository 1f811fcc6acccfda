/**
 * Does PGlite ingest slow down as its tables grow? The built CLI on an on-disk PGlite data
 * directory, fresh each time: batch 1 over its first 1,000 ratings, batch 50 up to FILL (default
 * 20,000), batch 1 again, then 40 more batches of 50; 10 connections (autocannon). Several builds
 * side by side, alternating which goes first each round (ROUNDS, default 2), for an A/B:
 *
 *   node --conditions=@raaye/source --import tsx bench/pglite-growth.ts new=dist/cli.js old=/path/to/old/dist/cli.js
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollectorCli } from '@raaye/test-utils/collector-cli';
// @ts-expect-error autocannon ships no types; only the documented promise API is used here.
import autocannon from 'autocannon';
import { benchEnvelope } from './envelope';

const builds = Object.fromEntries(
  process.argv.slice(2).map((a) => a.split('=') as [string, string]),
);
const rounds = Number(process.env.ROUNDS ?? 2);
const fillTo = Number(process.env.FILL ?? 20000);
const limit = { burst: 1e9, perSecond: 1e9 };
async function load(url: string, batch: number, requests: number) {
  const t = performance.now();
  const r = await autocannon({
    url: `${url}/v1/ratings`,
    connections: 10,
    amount: requests,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>) => ({
          ...req,
          body: benchEnvelope('pk_bench', batch),
        }),
      },
    ],
  });
  const s = (performance.now() - t) / 1000;
  return { rps: Math.round((requests * batch) / s), errors: r.non2xx + r.errors };
}
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? Object.keys(builds) : Object.keys(builds).reverse();
  for (const name of order) {
    const dir = mkdtempSync(join(tmpdir(), 'raaye-ab-'));
    const config = join(dir, 'raaye.json');
    writeFileSync(
      config,
      JSON.stringify({
        sites: [
          {
            id: 'bench',
            siteKey: 'pk_bench',
            secretKey: 'sk_bench_0123456789abcdefghijklmnopqrstuvwxyz',
            allowedOrigins: ['*'],
            limits: { site: limit, client: limit },
          },
        ],
      }),
    );
    const cli = await startCollectorCli({
      cli: builds[name],
      args: ['--config', config, '--data-dir', join(dir, 'data')],
      env: { RAAYE_LOG_LEVEL: 'warn' },
    });
    const load0 = loadavg()[0]!.toFixed(1);
    const at1k = await load(cli.url, 1, 1000);
    const fill = await load(cli.url, 50, Math.round((fillTo - 1000) / 50));
    const at20k = await load(cli.url, 1, 1000);
    const fill2 = await load(cli.url, 50, 40);
    console.log(
      `round ${round + 1} ${name.padEnd(6)} load ${load0}-${loadavg()[0]!.toFixed(1)}: batch 1 at 0-1k ${at1k.rps} r/s, batch 50 fill 1k-${fillTo / 1000}k ${fill.rps} r/s, batch 1 at ${fillTo / 1000}k ${at20k.rps} r/s, batch 50 after ${fill2.rps} r/s, errors ${at1k.errors + fill.errors + at20k.errors + fill2.errors}`,
    );
    const stopped = cli.stop();
    const late = setTimeout(() => cli.child.kill('SIGKILL'), 30_000);
    await stopped;
    clearTimeout(late);
    rmSync(dir, { recursive: true, force: true });
  }
}
