/**
 * Durability cost. (1) `rate()` → durable in Chromium's IndexedDB: core's own bench
 * (packages/core/bench/rate.bench.ts), run as is and its figures read from its output.
 * (2) Drain: 10,000 ratings queued while the page is offline (real IndexedDB, @raaye/core in the
 * page), then the page goes online and we time until the real collector CLI (PGlite) has stored
 * all of them, counted by the collector's export API.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
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

export interface DrainFigures {
  ratings: number;
  enqueueMs: number;
  firstThousandMs: number;
  lastThousandMs: number;
  drainMs: number;
  /**
   * The transport floor: the same ratings, in the same batches of 100 with the same two requests
   * in flight, posted with bare `fetch` from the same page to the same collector — no storage.
   * Measured before and after the drain (the collector's table grows meanwhile); ms each.
   */
  floorMs: [number, number];
  stored: number;
  error?: string;
}

/** In the page: a client whose queue holds everything, and helpers the bench drives. */
const PAGE_SCRIPT = `import { createClient } from '/core.js';
const params = new URLSearchParams(location.search);
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
const endpoint = params.get('endpoint');
window.bench = {
  sent: () => sent,
  // Drives the drain itself, so the time excludes the 1–2 s the client waits after 'online'.
  async drain(n) {
    const start = performance.now();
    while (sent < n) await client.flush();
    return performance.now() - start;
  },
  async floor(n, tag) {
    const rating = (j) => ({ id: crypto.randomUUID(), interactionId: 'floor-' + tag + '-' + j,
      scale: 'stars5', score: 1 + (j % 5), tags: ['late'], comment: 'offline',
      raterId: 'anon_floor', source: 'web', createdAt: new Date().toISOString() });
    const batches = [];
    for (let i = 0; i < n; i += 100) batches.push(Array.from({ length: Math.min(100, n - i) }, (_, k) => rating(i + k)));
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
    return performance.now() - start;
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

export async function measureDrain(count: number): Promise<DrainFigures> {
  const core = await build({
    entryPoints: [`${root}packages/core/dist/index.js`],
    bundle: true,
    format: 'esm',
    minify: true,
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
  const collector = await startCollectorCli({ origins: [origin] });
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The launcher's site key (the page used 'pk_bench', which the shared launcher does not know).
    await page.goto(`${origin}/?endpoint=${encodeURIComponent(collector.url)}&siteKey=${SITE_KEY}`);
    await page.waitForFunction('window.bench');
    const floorBefore = (await page.evaluate(`window.bench.floor(${count}, 'a')`)) as number;
    await context.setOffline(true);
    const [enqueueMs, firstThousandMs, lastThousandMs] = (await page.evaluate(
      `window.bench.enqueue(${count})`,
    )) as [number, number, number];
    await context.setOffline(false);
    let timer: NodeJS.Timeout | undefined;
    const drainMs = (await Promise.race([
      page.evaluate(`window.bench.drain(${count})`),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('the queue did not drain in 5 minutes')),
          300_000,
        );
      }),
    ]).finally(() => clearTimeout(timer))) as number;
    const stored = await collector.count();
    const floorAfter = (await page.evaluate(`window.bench.floor(${count}, 'b')`)) as number;
    await context.close();
    return {
      ratings: count,
      enqueueMs,
      firstThousandMs,
      lastThousandMs,
      drainMs,
      floorMs: [floorBefore, floorAfter],
      stored: stored - count, // the floor's own ratings are not the drain's
    };
  } catch (error) {
    return {
      ratings: count,
      enqueueMs: Number.NaN,
      firstThousandMs: Number.NaN,
      lastThousandMs: Number.NaN,
      drainMs: Number.NaN,
      floorMs: [Number.NaN, Number.NaN],
      stored: await collector.count().catch(() => 0),
      error: String(error).split('\n')[0],
    };
  } finally {
    await browser.close();
    await collector.stop();
    server.close();
  }
}
