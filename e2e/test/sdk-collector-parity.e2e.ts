import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCollector, pgliteStore, silentLogger, toNodeListener } from '@raaye/collector';
import { createClient, type RatingInput } from '@raaye/core';
import { LIMITS } from '@raaye/protocol';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/**
 * Issue 10's promise across the real boundary: the built SDK (memory storage, Node) sends to the
 * built collector over HTTP, and every rating `rate()` accepted is acknowledged — none rejected
 * or dropped for a reason the device could have known. Inputs sit on every limit the collector
 * enforces, locales come in the shapes people write them, and the device clock is wrong when
 * rating, when sending, or both.
 */
const SITE = {
  id: 'parity',
  siteKey: 'pk_parity',
  secretKey: 'sk_parity_0123456789abcdefghijklmnopqrstuvwxyz',
  allowedOrigins: [],
  limits: {
    client: { burst: 100_000, perSecond: 100_000 },
    site: { burst: 100_000, perSecond: 100_000 },
  },
};
const YEAR = 365.25 * 86_400_000;
const CLOCKS: Array<[string, number]> = [
  ['right', 0],
  ['1970', Date.UTC(1970, 0, 1) - Date.now()],
  ['1999', Date.UTC(1999, 5, 1) - Date.now()],
  ['2100', Date.UTC(2100, 0, 1) - Date.now()],
  ['a day ahead', 86_400_000],
  ['ten years behind', -10 * YEAR],
];

const text = (n: number, unit = 'x') => unit.repeat(n);
const jsonOfBytes = (bytes: number) => ({ k: text(bytes - '{"k":""}'.length) });

/** Inputs on and around the limits; some `rate()` may refuse, none may the collector. */
function inputs(i: number): RatingInput[] {
  const id = (s: string) => `${s}-${i}`;
  return [
    { interactionId: id('plain'), scale: 'stars5', score: 5 },
    {
      interactionId: text(LIMITS.interactionId - String(i).length - 1, 'i') + `-${i}`,
      scale: 'nps',
      score: 0,
    },
    {
      interactionId: id('type'),
      interactionType: text(LIMITS.interactionType, 't'),
      scale: 'ces7',
      score: 7,
    },
    {
      interactionId: id('tags'),
      scale: 'thumbs',
      score: 0,
      tags: Array.from(
        { length: LIMITS.tags },
        (_, t) => `${t}${text(LIMITS.tag - String(t).length, 'g')}`,
      ),
    },
    { interactionId: id('comment'), scale: 'faces5', score: 1, comment: text(LIMITS.comment, 'ق') },
    {
      interactionId: id('comment-emoji'),
      scale: 'csat5',
      score: 3,
      comment: text(LIMITS.comment / 2, '😀'),
    },
    { interactionId: id('meta'), scale: 'stars5', score: 3, meta: jsonOfBytes(LIMITS.metaBytes) },
    {
      interactionId: id('meta-over'),
      scale: 'stars5',
      score: 3,
      meta: jsonOfBytes(LIMITS.metaBytes + 1),
    },
    {
      interactionId: id('comment-over'),
      scale: 'stars5',
      score: 2,
      comment: text(LIMITS.comment + 1),
    },
    {
      interactionId: id('control'),
      scale: 'stars5',
      score: 4,
      comment: 'tab\there\u0000nul \ud800 lone',
    },
    ...['en_US', 'EN-us', 'ur-PK', 'zh-Hant-TW', 'pt_br', 'x', 'en-', '12', 'i-klingon', ''].map(
      (locale, n): RatingInput => ({
        interactionId: id(`locale-${n}`),
        scale: 'stars5',
        score: 4,
        locale,
      }),
    ),
  ];
}

describe('no rating rate() accepted is refused by the collector (built SDK → built collector over HTTP)', () => {
  let server: Server;
  let endpoint: string;
  let closeStore: () => Promise<void>;

  beforeAll(async () => {
    const store = await pgliteStore();
    closeStore = () => store.close();
    const handler = createCollector({ store, sites: [SITE], logger: silentLogger });
    server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await new Promise((resolve) => server.close(resolve));
    await closeStore();
  });

  it.each(
    CLOCKS.flatMap(([ratedAt, ratedSkew]) =>
      CLOCKS.map(([sentAt, sentSkew]) => [ratedAt, sentAt, ratedSkew, sentSkew] as const),
    ),
  )('clock %s when rating, %s when sending', async (_rated, _sent, ratedSkew, sentSkew) => {
    const client = createClient({
      siteKey: SITE.siteKey,
      endpoint,
      storage: 'memory',
      user: { id: `rater-${ratedSkew}-${sentSkew}` },
      flushIntervalMs: 3_600_000,
      retry: { baseMs: 10, capMs: 50 },
    });
    const problems: string[] = [];
    client.on('rejected', (e) =>
      problems.push(
        `rejected (${e.reason}): ${e.ratings.map((r) => r.interactionId.slice(0, 24)).join(', ')}`,
      ),
    );
    client.on('dropped', (e) => problems.push(`dropped ${e.id}: ${e.reason}`));
    const sent = new Set<string>();
    client.on('sent', (e) => sent.add(e.id));
    try {
      // Only Date moves: the client's timers keep real time.
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + ratedSkew });
      const accepted: string[] = [];
      for (const input of inputs(accepted.length)) {
        try {
          accepted.push((await client.rate(input)).id);
        } catch {
          // rate() may refuse what it can see is wrong; that is the device knowing, and fine.
        }
      }
      vi.setSystemTime(Date.now() - ratedSkew + sentSkew);
      for (let pass = 0; pass < 5 && sent.size < accepted.length && problems.length === 0; pass++) {
        await client.flush();
      }
      vi.useRealTimers();
      expect(problems).toEqual([]);
      // Not vacuous: most inputs are valid and all of those must have arrived.
      expect(accepted.length).toBeGreaterThanOrEqual(12);
      expect([...accepted].filter((id) => !sent.has(id))).toEqual([]);
    } finally {
      vi.useRealTimers();
      client.destroy();
    }
  });
});
