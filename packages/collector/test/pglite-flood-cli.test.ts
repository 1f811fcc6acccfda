import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BlackHoleSite, startBlackHoleSite } from '@raaye/test-utils/black-hole';
import { type RunningCli, startCollectorCli } from '@raaye/test-utils/collector-cli';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope, rating } from './_util/fixtures';

// Issue 12's flood, small: low ratings for a site whose webhook is a black hole (accepts TCP,
// never answers), through the built CLI on PGlite. PGlite used to run its queries on the main
// thread, back to back, and /healthz then waited seconds (p99 36 s with 2,000 ratings on a loaded
// box); in its own thread the event loop stays free. Then the check waited for its ping, queued
// behind inbox passes and group commits on the one connection (50 ms before answering `busy`,
// the whole wait once the ping had not answered for 5 s: 23 s at 20,000 ratings); now any answer
// of the thread shows it alive (routes/health.ts). The full 20,000 is bench/outbox-flood.ts.
const RATINGS = 1600;
const BATCH = 50;
const POSTERS = 4;
const SECRET = 'sk_flood_0123456789abcdefghijklmnopqrstuvwxyz';

describe('a flood of low ratings on PGlite, through the built CLI', () => {
  let dir: string;
  let cli: RunningCli;
  let hole: BlackHoleSite;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'raaye-flood-'));
    hole = await startBlackHoleSite({ dir, id: 'flood', secretKey: SECRET });
    cli = await startCollectorCli({
      // FLOOD_CLI: another build, e.g. one from before the PGlite thread (this test fails there).
      ...(process.env.FLOOD_CLI ? { cli: process.env.FLOOD_CLI } : {}),
      args: ['--config', hole.config, '--data-dir', join(dir, 'data')],
      timeoutMs: 120_000,
    });
  }, 150_000);

  afterAll(async () => {
    // Shutdown is not what this test is about (cli.test.ts covers it): after a flood it waits for
    // the inbox and the outbox's pending work, which has taken minutes on a loaded box.
    const stopped = cli?.stop();
    const late = setTimeout(() => cli?.child.kill('SIGKILL'), 20_000);
    await stopped;
    clearTimeout(late);
    hole?.close();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('keeps /healthz answering while the ratings are ingested, and loses none', async () => {
    let sent = 0;
    const poster = async () => {
      while (sent < RATINGS) {
        sent += BATCH;
        const batch = Array.from({ length: BATCH }, () => rating({ score: 1, comment: 'flood' }));
        const res = await fetch(`${cli.url}/v1/ratings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(envelope(batch, { siteKey: 'pk_flood' })),
        });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
    };
    let ingesting = true;
    const health: number[] = [];
    // Answers that said the store is busy (others' statements waiting): how long each took.
    const busy: number[] = [];
    const sampler = (async () => {
      while (ingesting) {
        const started = performance.now();
        const res = await fetch(`${cli.url}/healthz`);
        const body = (await res.json()) as { busy?: boolean };
        expect(res.status).toBe(200);
        health.push(performance.now() - started);
        if (body.busy) busy.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const began = performance.now();
    await Promise.all(Array.from({ length: POSTERS }, poster));
    const seconds = (performance.now() - began) / 1000;
    ingesting = false;
    await sampler;

    const median = (list: number[]) => [...list].sort((a, b) => a - b)[list.length >> 1]!;
    const max = Math.max(...health);
    console.log(
      `[pglite flood] ${RATINGS} low ratings in ${seconds.toFixed(1)} s; /healthz ${health.length} ` +
        `samples p50 ${median(health).toFixed(1)} ms, max ${max.toFixed(1)} ms; ${busy.length} ` +
        `busy, p50 ${busy.length ? median(busy).toFixed(1) : '-'} ms; black-hole sockets ${hole.sockets}`,
    );
    expect(health.length).toBeGreaterThan(5);
    // A busy store is said at once, not after waiting on a ping queued behind it: before, every
    // `busy` answer came after a 50 ms wait by construction; 8–15 ms here on a 2-core box at load
    // 13–24. The median, so that a few answers the scheduler delayed do not decide.
    expect(busy.length).toBeGreaterThan(5);
    expect(median(busy)).toBeLessThan(45);
    // Generous for a shared, loaded box (the target is 100 ms; 229 ms at load 24, 700 before).
    // No sleep proves anything: the samples are taken during the ingest.
    expect(max).toBeLessThan(1000);
    const stats = await fetch(`${cli.url}/v1/stats`, {
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(((await stats.json()) as { count: number }).count).toBe(RATINGS);
  }, 120_000);
});
