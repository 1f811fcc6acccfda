/**
 * Time to prompt in headless Chromium: from navigation start to the prompt's first control being
 * visible and the main thread answering again (a task posted after that frame has run), on a
 * local page. Also main-thread blocking time (long tasks over 50 ms, counted like TBT, up to
 * that moment) and the JS heap after a forced GC. Tools alternate run by run in one browser.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { launchChromium } from '@raaye/test-utils/chromium';
import type { Browser } from 'playwright-core';
import { versionOf } from './machine';
import { freePort } from './net';
import { median, ms, percentile, table } from './stats';
import { bundle } from './weight';

const here = new URL('..', import.meta.url).pathname;
const nm = (path: string) => `${here}node_modules/${path}`;

export interface Tool {
  name: string;
  version: string;
  /** CSS selector of the first control, searched through open shadow roots. */
  control: string;
  /** The tool's script on the page; its download end is reported next to the prompt time. */
  script: string;
  note: string;
}

export const TOOLS: Tool[] = [
  {
    name: 'Raaye (`raaye.js`)',
    version: versionOf('@raaye/widget'),
    control: '[role="dialog"] input[type="radio"]',
    script: '/raaye.js',
    note: '5-star rating prompt via the documented snippet + `raaye("ask")`',
  },
  {
    name: 'Floor (same `raaye.js` bytes + a static form)',
    version: versionOf('@raaye/widget'),
    control: '[role="dialog"] input[type="radio"]',
    script: '/raaye.js',
    note: '`raaye.js` downloaded and run unconfigured, then five radios in a shadow root drawn by hand: the least any script-tag prompt of this weight can take',
  },
  {
    name: 'PostHog surveys (`array.full.js`)',
    version: versionOf('posthog-js'),
    control: '.ratings-number',
    script: '/posthog.js',
    note: 'popover survey, one rating question (1–5 numbers); /flags and /api/surveys answered by the local server',
  },
  {
    name: 'Sentry feedback (`init` + `feedbackIntegration`)',
    version: versionOf('@sentry/browser'),
    control: 'textarea[name="message"]',
    script: '/sentry.js',
    note: 'a bug-report form, not a rating: opened with `getFeedback().createForm()` + `open()`',
  },
];

export const FORMBRICKS_NOTE =
  'cannot render locally: `@formbricks/js` is a loader that injects `<appUrl>/js/formbricks.umd.cjs` from the Formbricks app; that runtime is not on npm, so mocking the environment API has nothing to render with.';

/** Runs in the page before any of its scripts: watches for the prompt and for long tasks. */
export function watcher(selector: string, script: string) {
  const w = window as unknown as Record<string, unknown>;
  const long: Array<[number, number]> = [];
  w.__long = long;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) long.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const find = (root: Document | ShadowRoot): Element | null => {
    const hit = root.querySelector(selector);
    if (hit) return hit;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = find(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const tick = () => {
    const hit = find(document);
    // A visually hidden radio is shown by its label (custom stars): check what the user sees.
    const el = hit?.matches('input[type="radio"]') ? (hit.closest('label') ?? hit) : hit;
    const box = el?.getBoundingClientRect();
    if (
      el &&
      box &&
      box.width > 0 &&
      box.height > 0 &&
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      !(hit as HTMLInputElement).disabled
    ) {
      const visible = performance.now();
      // Interactive: the main thread runs the next task after the frame that showed the prompt.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const entry = performance
          .getEntriesByType('resource')
          .find((e) => new URL(e.name).pathname === script) as PerformanceResourceTiming;
        w.__ttp = { visible, interactive: performance.now(), loaded: entry?.responseEnd };
      };
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

const SURVEY = {
  id: '0190b0f8-0000-7000-8000-000000000001',
  name: 'Ride rating',
  description: '',
  type: 'popover',
  questions: [
    {
      id: 'q1',
      type: 'rating',
      question: 'How was your ride with Ali?',
      description: '',
      display: 'number',
      scale: 5,
      lowerBoundLabel: 'Bad',
      upperBoundLabel: 'Great',
    },
  ],
  conditions: null,
  appearance: null,
  start_date: '2020-01-01T00:00:00Z',
  end_date: null,
  current_iteration: null,
  current_iteration_start_date: null,
  linked_flag_key: null,
  targeting_flag_key: null,
  internal_targeting_flag_key: null,
  feature_flag_keys: [],
  schedule: 'once',
};

/** The local "site": pages for each tool and canned answers for PostHog's API. */
export async function startSite() {
  const sentry = await bundle(
    `import * as Sentry from '@sentry/browser';
     Sentry.init({ dsn: window.SENTRY_DSN, integrations: [Sentry.feedbackIntegration({ autoInject: false })] });
     (async () => { const form = await Sentry.getFeedback().createForm(); form.appendToDom(); form.open(); })();`,
  );
  const scripts: Record<string, Buffer | string> = {
    '/raaye.js': readFileSync(nm('@raaye/widget/dist/raaye.js')),
    '/posthog.js': readFileSync(nm('posthog-js/dist/array.full.js')),
    '/sentry.js': sentry,
  };
  const html = (head: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your ride has ended</title>${head}</head><body><main><h1>Your ride has ended</h1><p>Fare: Rs 640 · 14 min</p></main></body></html>`;
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const pages: Record<string, string> = {
    '/raaye.html': html(
      `<script>window.raaye=window.raaye||function(){(raaye.q=raaye.q||[]).push(arguments)};
raaye('ask',{interactionId:'ride-'+Math.random(),interactionType:'ride',title:'How was your ride with Ali?'});</script>
<script src="/raaye.js" data-site-key="pk_bench" data-endpoint="${origin}" async></script>`,
    ),
    '/floor.html': html(
      `<script>function floor(){const h=document.createElement('div');const r=h.attachShadow({mode:'open'});
r.innerHTML='<style>.b{position:fixed;bottom:16px;left:16px;padding:16px;background:#fff;border:1px solid #ccc}</style><div class="b" role="dialog" aria-label="Rate"><p>How was your ride with Ali?</p><fieldset>'+[1,2,3,4,5].map(n=>'<label><input type="radio" name="s" value="'+n+'">'+n+'</label>').join('')+'</fieldset></div>';
document.body.append(h)}</script>
<script src="/raaye.js" async onload="floor()"></script>`,
    ),
    '/posthog.html': html(
      `<script src="/posthog.js"></script>
<script>posthog.init('phc_bench',{api_host:'${origin}',opt_out_useragent_filter:true,disable_session_recording:true,persistence:'memory'});</script>`,
    ),
    '/sentry.html': html(
      `<script>window.SENTRY_DSN='http://public@127.0.0.1:${port}/1';</script><script type="module" src="/sentry.js"></script>`,
    ),
  };
  const requests: string[] = [];
  const json = (res: ServerResponse, body: unknown) =>
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'access-control-allow-origin': '*',
      })
      .end(JSON.stringify(body));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', origin).pathname;
    requests.push(`${req.method} ${req.url}`);
    const script = scripts[path];
    if (script) return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    const page = pages[path];
    if (page) return void res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    if (path.startsWith('/flags')) {
      return json(res, {
        flags: {},
        featureFlags: {},
        featureFlagPayloads: {},
        errorsWhileComputingFlags: false,
        surveys: true,
        sessionRecording: false,
        supportedCompression: [],
      });
    }
    if (path.startsWith('/api/surveys')) return json(res, { surveys: [SURVEY] });
    if (path.endsWith('/config.js')) {
      return void res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    }
    if (path.endsWith('/config')) return json(res, { surveys: true, supportedCompression: [] });
    if (req.method === 'POST' && path.endsWith('/v1/ratings')) {
      // Answered as the collector answers (one result per rating), so the returning view does
      // not start with the first view's rating still queued and backing off.
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const { ratings = [] } = JSON.parse(Buffer.concat(chunks).toString() || '{}') as {
          ratings?: Array<{ id: string }>;
        };
        json(res, { results: ratings.map(({ id }) => ({ id, status: 'accepted' })) });
      });
      return;
    }
    // Analytics, envelopes and everything else: accepted and ignored.
    req.resume();
    json(res, { status: 1 });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    origin,
    requests,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface PromptRow {
  tool: Tool;
  loaded: number[];
  visible: number[];
  interactive: number[];
  /** The second page view in the same browser context: storage, cache and (Raaye) a rating. */
  returning: number[];
  blocking: number[];
  heap: number[];
  failures: string[];
}

export const PATHS = ['/raaye.html', '/floor.html', '/posthog.html', '/sentry.html'];

interface Visit {
  loaded?: number;
  visible: number;
  interactive: number;
  long: Array<[number, number]>;
}

async function visit(page: import('playwright-core').Page, url: string): Promise<Visit> {
  await page.goto(url);
  await page.waitForFunction('window.__ttp', undefined, { timeout: 15_000 });
  return (await page.evaluate('({ ...window.__ttp, long: window.__long })')) as Visit;
}

/** The shared launcher (@raaye/test-utils), so the bench runs Chromium as the tests do. */
export const launch = (): Promise<Browser> => launchChromium();

export async function measurePrompts(runs: number): Promise<PromptRow[]> {
  const site = await startSite();
  const browser = await launch();
  const rows: PromptRow[] = TOOLS.map((tool) => ({
    tool,
    loaded: [],
    visible: [],
    interactive: [],
    returning: [],
    blocking: [],
    heap: [],
    failures: [],
  }));
  try {
    // One warm-up round (not counted), then `runs` rounds; the order rotates every round.
    for (let round = -1; round < runs; round++) {
      for (let k = 0; k < TOOLS.length; k++) {
        const i = (k + Math.max(round, 0)) % TOOLS.length;
        const row = rows[i] as PromptRow;
        // A tool that never rendered in its first 3 tries is not retried (each try costs 15 s).
        if (row.failures.length >= 3 && row.interactive.length === 0) continue;
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          // tsx compiles with keepNames, whose helper the function's source refers to.
          await page.addInitScript({
            content: `{ const __name = (f) => f; (${watcher.toString()})(${JSON.stringify(row.tool.control)}, ${JSON.stringify(row.tool.script)}); }`,
          });
          const url = `${site.origin}${PATHS[i]}`;
          const { loaded, visible, interactive, long } = await visit(page, url);
          const cdp = await context.newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
          // A returning visitor: Raaye's database exists with a rating (rated marker, queue,
          // recontact records); every tool has its storage and the HTTP cache from visit one.
          if (i === 0) {
            await page.locator('[role="dialog"] label').first().click();
            await page.waitForTimeout(300);
          }
          const again = await visit(page, url);
          if (round >= 0) row.returning.push(again.interactive);
          if (round >= 0) {
            row.loaded.push(loaded ?? Number.NaN);
            row.visible.push(visible);
            row.interactive.push(interactive);
            row.blocking.push(
              long
                .filter(([start]) => start < interactive)
                .reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
            );
            row.heap.push(heap.usedSize);
          }
        } catch (error) {
          const why = String(error).split('\n')[0] as string;
          row.failures.push(errors.length ? `${why}; page error: ${errors[0]}` : why);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  if (process.env.RAAYE_BENCH_DEBUG) console.log(site.requests.join('\n'));
  return rows;
}

export function promptTable(rows: PromptRow[]): string {
  const base = median(rows[0]?.interactive ?? []);
  const mib = (n: number) => `${(n / 2 ** 20).toFixed(2)} MiB`;
  return table(
    [
      'tool',
      'version',
      'script downloaded (median)',
      'prompt visible (median)',
      'visible + interactive (median · p90)',
      'returning visitor (median)',
      'vs Raaye',
      'blocking time (median)',
      'JS heap after prompt (median)',
      'runs',
      'what is shown',
    ],
    [
      ...rows.map((r) =>
        r.interactive.length === 0
          ? [
              r.tool.name,
              r.tool.version,
              '–',
              '–',
              `did not render (${r.failures[0] ?? 'no runs'})`,
              '–',
              '–',
              '–',
              '–',
              `0 / ${r.failures.length}`,
              r.tool.note,
            ]
          : [
              r.tool.name,
              r.tool.version,
              ms(median(r.loaded), 1),
              ms(median(r.visible), 1),
              `${ms(median(r.interactive), 1)} · ${ms(percentile(r.interactive, 90), 1)}`,
              ms(median(r.returning), 1),
              `${(median(r.interactive) / base).toFixed(1)}×`,
              ms(median(r.blocking), 1),
              mib(median(r.heap)),
              `${r.interactive.length}${r.failures.length ? ` (${r.failures.length} failed)` : ''}`,
              r.tool.note,
            ],
      ),
      [
        'Formbricks (`@formbricks/js`)',
        versionOf('@formbricks/js'),
        '–',
        '–',
        '–',
        '–',
        '–',
        '–',
        '–',
        '0',
        FORMBRICKS_NOTE,
      ],
    ],
  );
}
