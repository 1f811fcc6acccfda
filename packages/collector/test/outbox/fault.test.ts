import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { built } from '@raaye/test-utils/built';
import { COLLECTOR_CLI, type RunningCli, startCollectorCli } from '@raaye/test-utils/collector-cli';
import { createScratchDatabase } from '@raaye/test-utils/scratch-database';
import { afterAll, describe, expect, it } from 'vitest';
import { envelope, rating } from '../_util/fixtures';
import { type Received, startReceiver, until } from '../_util/receiver';
import { DATABASE_URL } from '../_util/stores';

/**
 * Issue 12's fault test, on the built CLI: while ratings arrive, the receiver is down, slow, or
 * answers 500/429/307 for random periods, and collectors are SIGKILLed and restarted at random
 * (two of them on PostgreSQL). Afterwards: every acknowledged low rating reached every matching
 * destination, with one event id per rating and destination, nothing about an erased rater
 * arrived after the erasure (beyond an attempt already in flight), and the receiver never saw
 * more sockets than the workers' limit.
 */

const SECRET = 'fault-test-secret-0123456789';
const TIMEOUT_MS = 1000;
const PER_ORIGIN = 4;
const CHAOS_MS = 12_000;
type Mode = 'ok' | 'down' | 'slow' | '500' | '429' | '307';
const MODES: Mode[] = ['ok', 'down', 'slow', '500', '429', '307', 'ok'];

interface Attempt {
  path: string;
  eventId: string;
  ratingId: string;
  raterId: string;
  at: number;
  ok: boolean;
}

const cases = [
  { name: 'pglite', processes: 1 },
  ...(DATABASE_URL ? [{ name: 'postgres', processes: 2 }] : []),
];

describe.skipIf(!built(COLLECTOR_CLI))('outbox under faults (built CLI)', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn().catch(() => {});
  });

  it.each(cases)(
    '$name: every low rating arrives once per destination through kills and receiver faults',
    async ({ name, processes }) => {
      let mode: Mode = 'ok';
      const attempts: Attempt[] = [];
      const receiver = await startReceiver((req: Received, res) => {
        const body = JSON.parse(req.body) as {
          data: { rating: { id: string; raterId: string } };
        };
        const attempt: Attempt = {
          path: req.path,
          eventId: String(req.headers['webhook-id']),
          ratingId: body.data.rating.id,
          raterId: body.data.rating.raterId,
          at: Date.now(),
          ok: false,
        };
        attempts.push(attempt);
        const answer = (status: number, headers: Record<string, string> = {}) => {
          attempt.ok = status >= 200 && status < 300;
          res.writeHead(status, headers).end();
        };
        if (mode === 'down') res.socket?.destroy();
        else if (mode === 'slow') setTimeout(() => answer(204), TIMEOUT_MS * 1.5);
        else if (mode === '500') answer(500);
        else if (mode === '429') answer(429, { 'retry-after': '1' });
        else if (mode === '307') answer(307, { location: 'http://127.0.0.1:9/elsewhere' });
        else answer(204);
      });
      cleanups.push(receiver.close);

      const dir = await mkdtemp(join(tmpdir(), 'raaye-fault-'));
      const config = join(dir, 'raaye.json');
      await writeFile(
        config,
        JSON.stringify({
          delivery: {
            pollMs: 100,
            baseDelayMs: 100,
            maxDelayMs: 1000,
            timeoutMs: TIMEOUT_MS,
            concurrencyPerDestination: PER_ORIGIN,
          },
          sites: [
            {
              id: 'fault',
              siteKey: 'pk_fault',
              secretKey: 'sk_fault_0123456789abcdefghijklmnopqrstuvwxyz',
              allowedOrigins: [],
              limits: {
                site: { burst: 1e6, perSecond: 1e6 },
                client: { burst: 1e6, perSecond: 1e6 },
              },
              destinations: [
                { id: 'all-low', kind: 'webhook', url: `${receiver.url}/all`, secret: SECRET },
                {
                  id: 'rude-only',
                  kind: 'webhook',
                  url: `${receiver.url}/rude`,
                  secret: SECRET,
                  filter: { tags: ['rude'] },
                },
              ],
            },
          ],
        }),
      );

      let storeArgs: string[];
      if (name === 'postgres') {
        const database = await createScratchDatabase(DATABASE_URL!, 'raaye_fault');
        cleanups.push(() => database.drop());
        storeArgs = ['--database-url', database.url];
      } else {
        storeArgs = ['--data-dir', join(dir, 'data')];
      }
      const start = () =>
        startCollectorCli({ args: ['--config', config, ...storeArgs], timeoutMs: 120_000 });
      const running: Array<RunningCli | undefined> = [];
      for (let i = 0; i < processes; i++) running.push(await start());
      cleanups.push(async () => {
        for (const p of running) p?.child.kill('SIGKILL');
      });

      const acked = new Map<string, { raterId: string; rude: boolean }>();
      // Chaos: receiver faults for random periods, and random SIGKILL + restart.
      let chaos = true;
      const faults = (async () => {
        while (chaos) {
          mode = MODES[Math.floor(Math.random() * MODES.length)]!;
          await sleep(200 + Math.random() * 600);
        }
        mode = 'ok';
      })();
      let kills = 0;
      const killer = (async () => {
        while (chaos) {
          // Ratings must keep arriving between kills (PGlite restarts take seconds when loaded).
          const before = acked.size;
          await sleep(1500 + Math.random() * 2000);
          while (chaos && acked.size < before + 8) await sleep(100);
          if (!chaos) break;
          const i = Math.floor(Math.random() * processes);
          const victim = running[i];
          if (!victim) continue;
          running[i] = undefined;
          victim.child.kill('SIGKILL');
          await new Promise((r) => victim.child.once('exit', r));
          kills++;
          running[i] = await start();
        }
      })();

      // Ratings arrive all along, resent until acknowledged, as the SDK does.
      const post = async (batch: ReturnType<typeof rating>[]) => {
        for (;;) {
          const alive = running.filter((p): p is RunningCli => p !== undefined);
          const target = alive[Math.floor(Math.random() * alive.length)];
          if (target) {
            try {
              const res = await fetch(`${target.url}/v1/ratings`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify(envelope(batch, { siteKey: 'pk_fault' })),
              });
              if (res.status === 200) return;
            } catch {}
          }
          await sleep(100);
        }
      };
      const erased = new Map<string, number>();
      let sequence = 0;
      const began = Date.now();
      const producer = (async () => {
        while (chaos) {
          const batch = Array.from({ length: 4 }, () => {
            sequence++;
            const rude = sequence % 3 === 0;
            return rating({
              score: sequence % 4 === 0 ? 5 : 1,
              // An erased rater who came back would be a new rater: keep them away.
              raterId:
                erased.size > 0 && sequence % 40 === 7 ? 'rater-new' : `rater-${sequence % 40}`,
              ...(rude ? { tags: ['rude'] } : {}),
            });
          });
          await post(batch);
          for (const r of batch) {
            if (r.score === 1) acked.set(r.id, { raterId: r.raterId, rude: !!r.tags });
          }
          if (Date.now() - began > CHAOS_MS / 2 && erased.size === 0) {
            // Erase one rater mid-run, through whichever collector is up.
            for (;;) {
              const target = running.find((p) => p !== undefined);
              const res = await fetch(`${target?.url}/v1/raters/rater-7`, {
                method: 'DELETE',
                headers: { authorization: 'Bearer sk_fault_0123456789abcdefghijklmnopqrstuvwxyz' },
              }).catch(() => undefined);
              if (res?.status === 200) break;
              await sleep(100);
            }
            erased.set('rater-7', Date.now());
          }
          await sleep(80);
        }
      })();

      await sleep(CHAOS_MS);
      // Enough low ratings through the chaos, however slow the machine (within reason).
      await until(() => acked.size >= 24, '24 acknowledged low ratings', 150_000);
      chaos = false;
      await Promise.all([faults, killer, producer]);
      expect(kills).toBeGreaterThan(0);
      expect(erased.size).toBe(1);

      const expected: Array<[string, string]> = [];
      for (const [id, r] of acked) {
        if (erased.has(r.raterId)) continue;
        expected.push([id, '/all']);
        if (r.rude) expected.push([id, '/rude']);
      }
      expect(expected.length).toBeGreaterThanOrEqual(24);
      const delivered = () =>
        new Set(attempts.filter((a) => a.ok).map((a) => `${a.ratingId} ${a.path}`));
      try {
        await until(
          () => {
            const got = delivered();
            return expected.every(([id, path]) => got.has(`${id} ${path}`));
          },
          'every low rating at every matching destination',
          120_000,
        );
      } catch (error) {
        const alive = running.find((p) => p !== undefined)!;
        const ask = (path: string) =>
          fetch(`${alive.url}${path}`, {
            headers: { authorization: 'Bearer sk_fault_0123456789abcdefghijklmnopqrstuvwxyz' },
          }).then((r) => r.text());
        console.error(await ask('/v1/destinations'), await ask('/v1/deliveries?state=pending'));
        throw error;
      }

      // One event id per rating and destination, whatever the retries and crashes.
      const ids = new Map<string, Set<string>>();
      for (const a of attempts) {
        const key = `${a.ratingId} ${a.path}`;
        ids.set(key, (ids.get(key) ?? new Set()).add(a.eventId));
      }
      for (const [key, set] of ids) expect(set.size, key).toBe(1);
      // Nothing for a rater after the erasure, beyond an attempt already in flight.
      const erasedAt = erased.get('rater-7')!;
      const late = attempts.filter((a) => a.raterId === 'rater-7' && a.at > erasedAt + TIMEOUT_MS);
      expect(late).toEqual([]);
      // Never more sockets than the workers' limit (per receiving origin, per process).
      expect(receiver.peak()).toBeLessThanOrEqual(PER_ORIGIN * processes);
      console.info(
        `[fault ${name}] ${acked.size} low ratings, ${expected.length} expected deliveries, ` +
          `${attempts.length} attempts, ${kills} kills, peak sockets ${receiver.peak()}`,
      );
    },
    300_000,
  );
});

function sleep(ms: number) {
  return new Promise((r) => setTimeout(r, ms));
}
