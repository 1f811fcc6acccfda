/**
 * Durability cost. (1) `rate()` → durable in Chromium's IndexedDB: core's own bench
 * (packages/core/bench/rate.bench.ts), run as is and its figures read from its output.
 * (2) Drain: ratings queued while the page is offline (real IndexedDB, @raaye/core in the page),
 * then the page goes online and we time until the client has had all of them acknowledged by the
 * real collector CLI (PGlite), against the transport floor (bare `fetch`, same batches). Each
 * phase gets its own freshly started collector, so the ratio is not the collector slowing down as
 * its table grows (PGlite's inserts get slower with table size); rounds alternate which runs first.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { build } from 'esbuild';
import { SITE_KEY, startCollectorCli } from './collector';
import { freePort } from './net';
import { launch } from './prompt';

const root = new URL('../..', import.meta.url).pathname;

export interface RateFigures {
  chromium?: { median: number; p99: number; n: number };
  node?: { median: number; p99: number; n: number };
  output: string;
}

/** Runs core's bench and reads its two summary lines. */
export function coreRateBench(): Promise<RateFigures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'bench/rate.bench.ts'], {
      cwd: `${root}packages/core`,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    });
    child.once('error', reject);
    child.once('exit', () => {
      const read = (prefix: string) => {
        const m = new RegExp(
          `^${prefix}.*median ([\\d.]+) ms\\s+p99 ([\\d.]+) ms\\s+n=(\\d+)`,
          'm',
        ).exec(out);
        return m ? { median: Number(m[1]), p99: Number(m[2]), n: Number(m[3]) } : undefined;
      };
      resolve({ chromium: read('Chromium'), node: read('Node'), output: out });
    });
  });
}

export interface DrainPhase {
  /** ms from the first request to the last ratings acknowledged. */
  ms: number;
  /** Requests made (a batch each). */
  requests: number;
  /**
   * Sum of request times (fetch → response headers) over the phase's time: 2.00 means both lanes
   * always had a request at the collector; less is time a lane spent in the page between requests.
   */
  inFlight: number;
  /** Mean ms per request, as the page saw it (the collector's pace under this phase's load). */
  requestMs: number;
  /** Ratings the phase's collector stored, counted through its export API. */
  stored: number;
}

export interface DrainRound {
  /** Which phase ran first in this round (alternated, so machine drift hits both). */
  first: 'floor' | 'drain';
  enqueueMs: number;
  firstThousandMs: number;
  lastThousandMs: number;
  drain: DrainPhase;
  /**
   * The transport floor: the same number of ratings in the same batches of 100 with the same two
   * requests in flight, posted with bare `fetch` from the same page, no storage — each phase
   * against its own freshly started collector with an empty data directory, so both face the
   * same table sizes.
   */
  floor: DrainPhase;
}

export interface DrainFigures {
  ratings: number;
  rounds: DrainRound[];
  /** 1-minute load average before and after the section. */
  load: [number, number];
  error?: string;
}

/** In the page: a client whose queue holds everything, and helpers the bench drives. */
const PAGE_SCRIPT = `import { createClient } from '/core.js';
const params = new URLSearchParams(location.search);
// Every request of a phase, timed from fetch() to its response headers; the same wrapper for the
// drain (core's transport calls the global fetch) and for the floor.
let requests = [];
const realFetch = window.fetch.bind(window);
window.fetch = async (...args) => {
  const r = { start: performance.now(), end: NaN };
  requests.push(r);
  const response = await realFetch(...args);
  r.end = performance.now();
  return response;
};
const phase = (ms) => ({ ms, requests: requests.length,
  inFlight: requests.reduce((s, r) => s + (r.end - r.start), 0) / ms,
  requestMs: requests.reduce((s, r) => s + (r.end - r.start), 0) / requests.length });
const client = createClient({
  siteKey: params.get('siteKey'),
  endpoint: params.get('endpoint'),
  storage: 'indexeddb',
  queue: { maxItems: 20000, maxBytes: 1e9 },
  retry: { baseMs: 50, capMs: 1000 },
  flushIntervalMs: 1000,
});
let sent = 0;
client.on('sent', () => { sent++; });
window.bench = {
  sent: () => sent,
  // Drives the drain itself, so the time excludes the 1–2 s the client waits after 'online'.
  async drain(n) {
    requests = [];
    const start = performance.now();
    while (sent < n) await client.flush();
    return phase(performance.now() - start);
  },
  async floor(n, tag, endpoint) {
    const rating = (j) => ({ id: crypto.randomUUID(), interactionId: 'floor-' + tag + '-' + j,
      scale: 'stars5', score: 1 + (j % 5), tags: ['late'], comment: 'offline',
      raterId: 'anon_floor', source: 'web', createdAt: new Date().toISOString() });
    const batches = [];
    for (let i = 0; i < n; i += 100) batches.push(Array.from({ length: Math.min(100, n - i) }, (_, k) => rating(i + k)));
    requests = [];
    const start = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const ratings = batches[next++];
        const response = await fetch(endpoint + '/v1/ratings', { method: 'POST', credentials: 'omit',
          headers: { 'content-type': 'text/plain;charset=UTF-8' },
          body: JSON.stringify({ siteKey: params.get('siteKey'), sentAt: new Date().toISOString(), ratings }) });
        const body = await response.json();
        if (body.results?.length !== ratings.length) throw new Error('floor: ' + JSON.stringify(body).slice(0, 200));
      }
    };
    await Promise.all([worker(), worker()]);
    return phase(performance.now() - start);
  },
  async enqueue(n) {
    await client.storage();
    const start = performance.now();
    const marks = [];
    // 20 rate() calls in flight at a time, as a busy page might make them.
    for (let i = 0; i < n; i += 20) {
      const calls = [];
      for (let j = i; j < Math.min(n, i + 20); j++) {
        calls.push(client.rate({ interactionId: 'ride-' + j, scale: 'stars5', score: 1 + (j % 5), tags: ['late'], comment: 'offline' }));
      }
      await Promise.all(calls);
      if ((i + 20) % 1000 === 0) marks.push(performance.now());
    }
    // Total, and the time for the first and the last 1,000 (does rate() slow as the queue grows?).
    const last = marks.length > 1 ? marks[marks.length - 1] - marks[marks.length - 2] : NaN;
    return [performance.now() - start, marks[0] - start, last];
  },
};`;

/** Rejects after `ms`, so a stuck phase fails the section instead of hanging the bench. */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * `rounds` rounds; in each, one fresh browser context (empty IndexedDB) and two fresh collectors
 * (empty data directories): one for the floor, one for the drain. `profile`: a file to write a
 * CPU profile of the page during the first round's drain (core unminified, for names).
 */
export async function measureDrain(
  count: number,
  rounds: number,
  profile?: string,
): Promise<DrainFigures> {
  const core = await build({
    // RAAYE_BENCH_DRAIN_CORE: another build of core's entry, to A/B a change in one run.
    entryPoints: [process.env.RAAYE_BENCH_DRAIN_CORE ?? `${root}packages/core/dist/index.js`],
    bundle: true,
    format: 'esm',
    minify: !profile,
    write: false,
  });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === '/core.js' || path === '/drain.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      return void res.end(path === '/core.js' ? core.outputFiles[0]?.text : PAGE_SCRIPT);
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>drain</title><script type="module" src="/drain.js"></script>');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  const browser = await launch();
  const load0 = loadavg()[0] ?? Number.NaN;
  const done: DrainRound[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const first = round % 2 ? 'drain' : 'floor';
      const context = await browser.newContext();
      const drainCollector = await startCollectorCli({ origins: [origin] });
      try {
        const page = await context.newPage();
        await page.goto(
          `${origin}/?endpoint=${encodeURIComponent(drainCollector.url)}&siteKey=${SITE_KEY}`,
        );
        await page.waitForFunction('window.bench');
        const floor = async (): Promise<DrainPhase> => {
          const collector = await startCollectorCli({ origins: [origin] });
          try {
            const phase = (await within(
              page.evaluate(
                `window.bench.floor(${count}, 'r${round}', ${JSON.stringify(collector.url)})`,
              ),
              300_000,
              'the floor',
            )) as Omit<DrainPhase, 'stored'>;
            return { ...phase, stored: await collector.count() };
          } finally {
            await collector.stop();
          }
        };
        let floorPhase = first === 'floor' ? await floor() : undefined;
        await context.setOffline(true);
        const [enqueueMs, firstThousandMs, lastThousandMs] = (await page.evaluate(
          `window.bench.enqueue(${count})`,
        )) as [number, number, number];
        await context.setOffline(false);
        const cdp = profile && round === 0 ? await context.newCDPSession(page) : undefined;
        if (cdp) {
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
          await cdp.send('Profiler.start');
        }
        const drained = (await within(
          page.evaluate(`window.bench.drain(${count})`),
          300_000,
          'the drain',
        )) as Omit<DrainPhase, 'stored'>;
        if (cdp && profile) {
          const { profile: data } = await cdp.send('Profiler.stop');
          writeFileSync(profile, JSON.stringify(data));
          console.log(`CPU profile of the page during the drain: ${profile}`);
        }
        const drain = { ...drained, stored: await drainCollector.count() };
        floorPhase ??= await floor();
        const r: DrainRound = {
          first,
          enqueueMs,
          firstThousandMs,
          lastThousandMs,
          drain,
          floor: floorPhase,
        };
        console.log(
          `round ${round + 1} (${first} first): drain ÷ floor ${(r.floor.ms / r.drain.ms).toFixed(2)}`,
          JSON.stringify(r),
        );
        done.push(r);
      } finally {
        await context.close();
        await drainCollector.stop();
      }
    }
    return { ratings: count, rounds: done, load: [load0, loadavg()[0] ?? Number.NaN] };
  } catch (error) {
    return {
      ratings: count,
      rounds: done,
      load: [load0, loadavg()[0] ?? Number.NaN],
      error: String(error).split('\n')[0],
    };
  } finally {
    await browser.close();
    server.close();
  }
}
