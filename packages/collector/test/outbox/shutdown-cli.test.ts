import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BlackHoleSite, startBlackHoleSite } from '@raaye/test-utils/black-hole';
import { type RunningCli, startCollectorCli } from '@raaye/test-utils/collector-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, rating } from '../_util/fixtures';

// SIGTERM with a backlog of deliveries to a receiver that never answers. Deploys, systemd and
// Kubernetes send SIGKILL 10-30 s after SIGTERM, so the collector must exit 0 well within that,
// whatever is pending: it used to wait for every attempt in flight to time out (here 60 s, set
// long so the old behaviour cannot pass by luck) and for queued inbox passes; after a 20,000
// rating flood it did not exit in 20 minutes. The outbox is durable: what was pending is still
// pending after a restart, to be redelivered with the same event ids.
const RATINGS = 300;
const SECRET = 'sk_shutdown_0123456789abcdefghijklmnopqrstuvwx';
// The stop's bound: the orchestrator's grace period is 10-30 s; a loaded CI box needs slack.
const STOP_BOUND_MS = 10_000;

describe('SIGTERM with deliveries in flight to a black hole, through the built CLI', () => {
  let dir: string;
  let hole: BlackHoleSite;
  let cli: RunningCli | undefined;

  const start = () =>
    startCollectorCli({
      // SHUTDOWN_CLI: another build, e.g. one from before the prompt stop (this test fails there).
      ...(process.env.SHUTDOWN_CLI ? { cli: process.env.SHUTDOWN_CLI } : {}),
      args: ['--config', hole.config, '--data-dir', join(dir, 'data')],
      timeoutMs: 120_000,
    });

  /** Every pending delivery's event id and destination, through the secret-key API. */
  const pending = async (url: string) => {
    const keys = new Set<string>();
    let cursor: string | null = null;
    do {
      const query: string = `state=pending&limit=1000${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await fetch(`${url}/v1/deliveries?${query}`, {
        headers: { authorization: `Bearer ${SECRET}` },
      });
      expect(res.status).toBe(200);
      const page = (await res.json()) as {
        deliveries: Array<{ eventId: string; destination: string }>;
        nextCursor: string | null;
      };
      for (const d of page.deliveries) keys.add(`${d.destination} ${d.eventId}`);
      cursor = page.nextCursor;
    } while (cursor);
    return keys;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raaye-shutdown-'));
    hole = await startBlackHoleSite({
      dir,
      id: 'shutdown',
      secretKey: SECRET,
      delivery: { timeoutMs: 60_000 },
    });
    cli = await start();
  }, 150_000);

  afterAll(async () => {
    if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
    hole?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('exits 0 promptly, and the pending deliveries survive for the next start', async () => {
    const first = cli!;
    for (let sent = 0; sent < RATINGS; sent += 100) {
      const batch = Array.from({ length: 100 }, () => rating({ score: 1, comment: 'shutdown' }));
      const res = await fetch(`${first.url}/v1/ratings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(envelope(batch, { siteKey: hole.siteKey })),
      });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    // Attempts are in flight (the black hole has their bodies) and a backlog waits behind them.
    const deadline = Date.now() + 60_000;
    let before = new Set<string>();
    while (hole.received === 0 || before.size < RATINGS) {
      if (Date.now() > deadline) throw new Error(`no backlog: ${hole.received}, ${before.size}`);
      await new Promise((r) => setTimeout(r, 200));
      before = await pending(first.url);
    }

    const stopping = performance.now();
    const code = await Promise.race([
      first.stop(),
      new Promise<'hung'>((r) => setTimeout(() => r('hung'), 90_000).unref()),
    ]);
    const stopMs = performance.now() - stopping;
    console.log(`[shutdown] SIGTERM to exit with ${before.size} pending: ${Math.round(stopMs)} ms`);
    expect(code, first.output().slice(-2000)).toBe(0);
    expect(stopMs).toBeLessThan(STOP_BOUND_MS);

    // Nothing was lost or marked failed by the stop: every delivery pending before is pending now.
    cli = await start();
    const after = await pending(cli.url);
    for (const key of before) expect(after.has(key), key).toBe(true);
    const second = cli;
    expect(await second.stop()).toBe(0);
  }, 240_000);
});
