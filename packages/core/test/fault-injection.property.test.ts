import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { RaayeClient } from '../src/types';
import type { NetworkMode } from './_util/fake-collector';
import {
  advance,
  installCollector,
  makeClient,
  setOnline,
  stars,
  useFakeClock,
} from './_util/harness';

/**
 * The headline property (reliability.md R4): under any interleaving of ratings, network faults,
 * reloads and extra tabs sharing one IndexedDB, once the network heals every rating whose rate()
 * resolved is at the collector exactly once, nothing else is, and every queue is empty.
 */
const RUNS = Number(process.env.RAAYE_FAULT_RUNS ?? 2000);
const SEED = Number(process.env.RAAYE_FAULT_SEED ?? Date.now() % 2 ** 31);

type Command =
  | { t: 'rate'; tab: number }
  | { t: 'net'; mode: NetworkMode; online: boolean }
  | { t: 'advance'; ms: number }
  | { t: 'reload'; tab: number }
  | { t: 'openTab' }
  | { t: 'closeTab'; tab: number }
  | { t: 'flush'; tab: number };

const tab = fc.nat(3);
const mode: fc.Arbitrary<NetworkMode> = fc.oneof(
  fc.constant({ kind: 'ok' } as const),
  fc.constant({ kind: 'offline' } as const),
  fc.constant({ kind: 'timeout' } as const),
  fc.constant({ kind: 'drop-response' } as const),
  fc.constantFrom(500, 502, 503).map((status) => ({ kind: 'status', status }) as const),
  fc
    .integer({ min: 0, max: 20 })
    .map((s) => ({ kind: 'status', status: 429, retryAfter: String(s) }) as const),
);
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 5, arbitrary: tab.map((t) => ({ t: 'rate', tab: t }) as const) },
  {
    weight: 3,
    arbitrary: fc.record({ t: fc.constant('net' as const), mode, online: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.integer({ min: 0, max: 20_000 }).map((ms) => ({ t: 'advance', ms }) as const),
  },
  { weight: 1, arbitrary: tab.map((t) => ({ t: 'reload', tab: t }) as const) },
  { weight: 1, arbitrary: fc.constant({ t: 'openTab' } as const) },
  { weight: 1, arbitrary: tab.map((t) => ({ t: 'closeTab', tab: t }) as const) },
  { weight: 1, arbitrary: tab.map((t) => ({ t: 'flush', tab: t }) as const) },
);

const options = { timeoutMs: 2_000, retry: { baseMs: 500, capMs: 20_000 }, flushIntervalMs: 5_000 };

it(`no rating is lost or stored twice across ${RUNS} random fault sequences (seed ${SEED})`, async () => {
  let sequences = 0;
  let ratings = 0;
  const storages = new Set<string>();
  await fc.assert(
    fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
      sequences++;
      globalThis.indexedDB = new IDBFactory();
      useFakeClock();
      const collector = installCollector();
      setOnline(true);
      const tabs: RaayeClient[] = [makeClient(options)];
      const rated = new Set<string>();
      const pick = (i: number) => tabs[i % tabs.length];
      let n = 0;
      try {
        for (const c of commands) {
          if (c.t === 'rate') {
            const client = pick(c.tab);
            if (client) rated.add((await client.rate(stars(`i-${n++}`))).id);
          } else if (c.t === 'net') {
            collector.setMode(c.mode);
            setOnline(c.online);
          } else if (c.t === 'advance') {
            await advance(c.ms, 1_000);
          } else if (c.t === 'reload' || c.t === 'closeTab') {
            const client = pick(c.tab);
            if (!client) continue;
            client.destroy(); // in-flight requests are abandoned, leases stay until they expire
            tabs.splice(tabs.indexOf(client), 1);
            if (c.t === 'reload' || tabs.length === 0) tabs.push(makeClient(options));
          } else if (c.t === 'openTab') {
            if (tabs.length < 3) tabs.push(makeClient(options));
          } else {
            void pick(c.tab)?.flush();
          }
        }
        // Heal the network and let backoff, leases and timers run their course.
        collector.setMode({ kind: 'ok' });
        setOnline(true);
        for (let round = 0; round < 20; round++) {
          await advance(30_000, 2_000);
          await Promise.all(tabs.map((t) => t.flush()));
          const left = await Promise.all(tabs.map((t) => t.queued()));
          if (left.every((q) => q.length === 0)) break;
        }
        for (const t of tabs) expect(await t.queued()).toEqual([]);
        ratings += rated.size;
        for (const t of tabs) storages.add(await t.storage());
        expect([...collector.stored.keys()].sort()).toEqual([...rated].sort());
      } finally {
        for (const t of tabs) t.destroy();
      }
    }),
    { numRuns: RUNS, seed: SEED },
  );
  expect(sequences).toBeGreaterThanOrEqual(RUNS);
  // Guards against a harness that silently stopped exercising anything.
  expect(ratings).toBeGreaterThan(RUNS);
  expect([...storages]).toEqual(['indexeddb']);
  console.info(
    `fault-injection: ${sequences} sequences, ${ratings} ratings, seed ${SEED} (RAAYE_FAULT_SEED to replay)`,
  );
}, 600_000);
