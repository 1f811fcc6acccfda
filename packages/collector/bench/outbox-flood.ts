/**
 * Issue 12's flood: N low ratings (default 20,000) for a site whose webhook points at a black
 * hole (accepts TCP, never answers). Runs the built CLI and reports its RSS, /healthz latency
 * and the sockets it opened to the black hole, during the flood and for a while after.
 *
 *   node --import tsx bench/outbox-flood.ts [ratings] [--database-url URL]
 *   (FLOOD_CLI=path/to/cli.js runs another build; FLOOD_AFTER_MS how long to watch after)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBlackHoleSite } from '@raaye/test-utils/black-hole';
import { startCollectorCli } from '@raaye/test-utils/collector-cli';
import { envelope, rating } from '../test/_util/fixtures';

const total = Number(process.argv[2] ?? 20_000);
const dbIndex = process.argv.indexOf('--database-url');
const databaseUrl = dbIndex > 0 ? process.argv[dbIndex + 1] : undefined;
const AFTER_MS = Number(process.env.FLOOD_AFTER_MS ?? 30_000);

const dir = await mkdtemp(join(tmpdir(), 'raaye-flood-'));
const hole = await startBlackHoleSite({
  dir,
  id: 'flood',
  secretKey: 'sk_flood_0123456789abcdefghijklmnopqrstuvwxyz',
});
const cli = await startCollectorCli({
  // FLOOD_CLI: another build of the CLI, to compare before and after a change.
  ...(process.env.FLOOD_CLI ? { cli: process.env.FLOOD_CLI } : {}),
  args: [
    '--config',
    hole.config,
    ...(databaseUrl ? ['--database-url', databaseUrl] : ['--data-dir', join(dir, 'data')]),
  ],
  timeoutMs: 120_000,
});
const pid = cli.child.pid!;
const rssMb = () => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

const health: number[] = [];
const failures: string[] = [];
const rss: number[] = [];
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    const started = performance.now();
    try {
      const res = await fetch(`${cli.url}/healthz`);
      await res.arrayBuffer();
      if (res.status !== 200) failures.push(`healthz ${res.status}`);
    } catch (error) {
      failures.push(`healthz ${(error as Error).cause ?? error}`);
      if (cli.child.exitCode !== null) throw new Error(`collector exited:\n${cli.output()}`);
    }
    health.push(performance.now() - started);
    rss.push(rssMb());
    await new Promise((r) => setTimeout(r, 100));
  }
})();

const rssStart = rssMb();
const began = performance.now();
let sent = 0;
let ingestRetries = 0;
const poster = async () => {
  while (sent < total) {
    const n = Math.min(100, total - sent);
    sent += n;
    const batch = Array.from({ length: n }, () => rating({ score: 1, comment: 'flood' }));
    const body = JSON.stringify(envelope(batch, { siteKey: 'pk_flood' }));
    // A kept-alive socket the server closed just as a batch went out resets; the SDK would retry
    // the same batch (ratings are idempotent by id), and so does the bench.
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${cli.url}/v1/ratings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}`);
        await res.arrayBuffer();
        break;
      } catch (error) {
        if (attempt >= 5 || cli.child.exitCode !== null) throw error;
        ingestRetries++;
      }
    }
  }
};
await Promise.all([poster(), poster(), poster(), poster()]);
const ingestS = (performance.now() - began) / 1000;
const duringHealth = [...health];
await new Promise((r) => setTimeout(r, AFTER_MS));
sampling = false;
await sampler;

const deliveries = await fetch(`${cli.url}/v1/deliveries?state=pending&limit=1`, {
  headers: { authorization: 'Bearer sk_flood_0123456789abcdefghijklmnopqrstuvwxyz' },
}).then((r) => r.json() as Promise<{ deliveries: unknown[] }>);

const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
};
const result = {
  store: databaseUrl ? 'postgres' : 'pglite',
  ratings: total,
  ingestSeconds: Number(ingestS.toFixed(1)),
  ingestRetries,
  rssMb: {
    start: Math.round(rssStart),
    peak: Math.round(Math.max(...rss)),
    end: Math.round(rss.at(-1) ?? 0),
  },
  healthzMs: {
    samples: health.length,
    p50: Number(pct(health, 0.5).toFixed(1)),
    p99: Number(pct(health, 0.99).toFixed(1)),
    max: Number(Math.max(...health).toFixed(1)),
    maxDuringIngest: Number(Math.max(...duringHealth).toFixed(1)),
    over100: health.filter((ms) => ms > 100).length,
  },
  blackHoleSocketsPeak: hole.peakSockets,
  // From the first rating sent to the first delivery attempt: late delivery during a flood.
  firstAttemptSeconds:
    hole.firstConnectAt === undefined
      ? null
      : Number(((hole.firstConnectAt - began) / 1000).toFixed(1)),
  healthzFailures: failures,
  pendingDeliveriesRemain: deliveries.deliveries.length > 0,
};
console.log(JSON.stringify(result, null, 2));
// SIGTERM with the backlog still pending: a collector must exit 0 promptly (deploys send SIGKILL
// after 10-30 s), leaving the deliveries in the outbox for the next start.
const stopping = performance.now();
const code = await cli.stop();
console.log(
  JSON.stringify({
    stopSeconds: Number(((performance.now() - stopping) / 1000).toFixed(1)),
    exitCode: code,
  }),
);
if (process.env.FLOOD_LOG) console.log(cli.output());
hole.close();
process.exit(0);
