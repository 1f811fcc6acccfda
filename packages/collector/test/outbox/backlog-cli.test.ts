import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBlackHoleSite } from '@raaye/test-utils/black-hole';
import { type RunningCli, startCollectorCli } from '@raaye/test-utils/collector-cli';
import { createScratchDatabase } from '@raaye/test-utils/scratch-database';
import { afterAll, describe, expect, it } from 'vitest';
import { envelope, rating } from '../_util/fixtures';
import { until } from '../_util/receiver';
import { DATABASE_URL } from '../_util/stores';

// Issue 12's flood left a backlog of events to fan out, and the worker fanned out all of it
// before it claimed a single delivery: with 20,000 low ratings on PGlite the receiver saw no
// attempt for minutes (each fan-out batch waits its turn behind ingest). Now every fan-out batch
// also fills the free slots. A restart with a backlog makes it deterministic: the first collector
// only takes ratings (delivery off), the next one starts with BACKLOG events not yet fanned out.
// The proof is not a time bound but what was fanned out when the first attempt reached the
// receiver: before, all of it; now, the first batch or few.
//
// Then a stop with attempts in flight (the black hole never answers): they are cut and used to
// wait out their leases (2 × timeout + 5 s, here 125 s) before anyone redelivered them; now the
// stop releases them, and the next collector sends those very events first.
const BACKLOG = 1200;
const SECRET = 'sk_backlog_0123456789abcdefghijklmnopqrstuvwx';

const cases = DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

describe.each(cases)('an outbox backlog, through the built CLI on %s', (name) => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }, 60_000);

  it('delivers while it is still being fanned out, and a stop releases the attempts it cuts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'raaye-backlog-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const hole = await startBlackHoleSite({ dir, id: 'backlog', secretKey: SECRET });
    cleanups.push(() => hole.close());
    let storeArgs = ['--data-dir', join(dir, 'data')];
    if (name === 'postgres') {
      const database = await createScratchDatabase(DATABASE_URL!, 'raaye_backlog');
      cleanups.push(() => database.drop());
      storeArgs = ['--database-url', database.url];
    }
    const running: RunningCli[] = [];
    cleanups.push(() => {
      for (const cli of running) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
    });
    const start = async (config: string) => {
      const cli = await startCollectorCli({
        // BACKLOG_CLI: another build, e.g. today's main (this test fails there).
        ...(process.env.BACKLOG_CLI ? { cli: process.env.BACKLOG_CLI } : {}),
        args: ['--config', config, ...storeArgs],
        timeoutMs: 120_000,
      });
      running.push(cli);
      return cli;
    };

    // A collector that only takes ratings: each low rating's events wait in the outbox.
    const taker = await start(hole.configWith({ enabled: false }, 'taker.json'));
    let sent = 0;
    const poster = async () => {
      while (sent < BACKLOG) {
        sent += 100;
        const batch = Array.from({ length: 100 }, () => rating({ score: 1, comment: 'backlog' }));
        const res = await fetch(`${taker.url}/v1/ratings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(envelope(batch, { siteKey: hole.siteKey })),
        });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
      }
    };
    await Promise.all([poster(), poster(), poster()]);
    expect(await taker.stop()).toBe(0);
    expect(hole.received).toBe(0);

    // The next one delivers. When its first attempt reaches the receiver, how much was fanned out?
    const began = performance.now();
    // A long timeout, so that only a release (not a lease running out) can free a cut attempt.
    const delivering = hole.configWith({ timeoutMs: 60_000 }, 'deliverer.json');
    const deliverer = await start(delivering);
    while (hole.firstConnectAt === undefined) await new Promise((r) => setTimeout(r, 5));
    const firstAttemptMs = hole.firstConnectAt - began;
    const res = await fetch(`${deliverer.url}/v1/deliveries?limit=1000`, {
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(res.status).toBe(200);
    const { deliveries } = (await res.json()) as { deliveries: unknown[] };
    console.log(
      `[backlog ${name}] first attempt ${Math.round(firstAttemptMs)} ms after the start; ` +
        `${deliveries.length} of ${BACKLOG} low ratings' deliveries fanned out then`,
    );
    // The reading follows the attempt by a round trip, while the fan-out goes on (100 events a
    // batch): a few batches at most, far from the whole backlog the old worker needed first.
    expect(deliveries.length).toBeLessThan(BACKLOG / 2);

    await until(() => hole.eventIds.length >= 4, 'four attempts in flight');
    const cut = new Set(hole.eventIds.slice(0, 4));
    expect(cut.size).toBe(4);
    expect(await deliverer.stop()).toBe(0);
    const next = await start(delivering);
    await until(() => hole.eventIds.length >= 8, 'the next collector to deliver', 60_000);
    expect(new Set(hole.eventIds.slice(4, 8))).toEqual(cut);
    // The cut attempts were not counted, and nothing was recorded of them.
    const log = await allDeliveries(next.url);
    for (const id of cut) {
      expect(log.get(id), id).toMatchObject({ state: 'pending', attempts: 1, history: [] });
    }
    expect(await next.stop()).toBe(0);
  }, 240_000);
});

/** Every delivery by event id, through the secret-key API (newest first, a page at a time). */
async function allDeliveries(url: string) {
  const byEvent = new Map<string, { eventId: string }>();
  let cursor: string | null = null;
  do {
    const res = await fetch(`${url}/v1/deliveries?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${SECRET}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as {
      deliveries: Array<{ eventId: string }>;
      nextCursor: string | null;
    };
    for (const d of page.deliveries) byEvent.set(d.eventId, d);
    cursor = page.nextCursor;
  } while (cursor);
  return byEvent;
}
