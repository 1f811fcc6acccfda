/**
 * The delivery worker's own share of a flood, without ingest: N low ratings are stored with the
 * worker off; then a collector with the worker on fans the backlog out to a black-hole webhook
 * while /healthz is asked every 25 ms (in process, so the figures are event-loop stalls, not
 * HTTP). PGlite in memory. Compare builds with DIST=path/to/dist (default: the source).
 *
 *   node --conditions=@raaye/source --import tsx bench/outbox-backlog.ts [ratings] [watchMs]
 */
import { createServer } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { envelope, rating } from '../test/_util/fixtures';

const total = Number(process.argv[2] ?? 20_000);
const watchMs = Number(process.argv[3] ?? 20_000);
const lib = (
  process.env.DIST ? await import(`${process.env.DIST}/index.js`) : await import('../src/index')
) as typeof import('../src/index');

const hole = createServer((s) => {
  s.on('data', () => {});
  s.on('error', () => {});
});
await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
const site = {
  id: 'f',
  siteKey: 'pk_f',
  secretKey: 'sk_f_0123456789abcdefghijklmnopqrstuvwxyz',
  allowedOrigins: [],
  limits: { site: { burst: 1e6, perSecond: 1e6 }, client: { burst: 1e6, perSecond: 1e6 } },
  destinations: [
    {
      id: 'hole',
      kind: 'webhook' as const,
      url: `http://127.0.0.1:${(hole.address() as { port: number }).port}/h`,
      secret: 'flood-secret-0123456789',
    },
  ],
};
const store = await lib.pgliteStore();
const common = {
  store,
  sites: [site],
  logger: lib.silentLogger,
  inbox: { intervalMs: false as const },
};
const off = lib.createCollector({ ...common, delivery: { enabled: false } });
for (let sent = 0; sent < total; sent += 100) {
  const batch = Array.from({ length: Math.min(100, total - sent) }, () => rating({ score: 1 }));
  const res = await off(
    new Request('http://bench/v1/ratings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope(batch, { siteKey: 'pk_f' })),
    }),
  );
  await res.arrayBuffer();
}
await off.close();

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
const on = lib.createCollector(common);
const latencies: number[] = [];
const end = Date.now() + watchMs;
while (Date.now() < end) {
  const started = performance.now();
  await (await on(new Request('http://bench/healthz'))).arrayBuffer();
  latencies.push(performance.now() - started);
  await new Promise((r) => setTimeout(r, 25));
}
loop.disable();
const [written] = await store.sql.query<{ c: number }>(
  'SELECT count(*)::int AS c FROM raaye_deliveries',
);
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (q: number) =>
  Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!.toFixed(1));
console.log(
  JSON.stringify({
    build: process.env.DIST ?? 'source',
    ratings: total,
    watchMs,
    // A stalled loop takes few samples: a low count is itself the sign of a stall.
    healthzSamples: latencies.length,
    healthzMs: {
      p50: pct(0.5),
      p99: pct(0.99),
      max: pct(1),
      over100: latencies.filter((x) => x > 100).length,
    },
    eventLoopDelayMs: {
      p99: Number((loop.percentile(99) / 1e6).toFixed(1)),
      max: Number((loop.max / 1e6).toFixed(1)),
    },
    deliveriesWritten: written?.c,
  }),
);
await on.close();
await store.close();
hole.close();
