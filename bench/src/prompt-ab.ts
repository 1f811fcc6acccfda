/**
 * Two builds of `raaye.js` side by side with the floor, for start-up work on issue 16 goal 1:
 * the time-to-prompt pages of prompt.ts (same watcher, same snippet), each round visiting the
 * old build's prompt, the new build's prompt and the floor of each build in a rotating order,
 * each in a fresh browser context, then (RETURNING=1) a second view in that context after a
 * rating, as the bench's returning visitor does.
 *
 *   OLD=/path/to/old/raaye.js node --conditions=@raaye/source --import tsx src/prompt-ab.ts
 *   (RUNS=20; NEW defaults to the built @raaye/widget/dist/raaye.js; MORE=a:/path,b:/path adds
 *   more builds' prompts to the rotation, compared with the old one, without floors of their own)
 *
 * TRACE=1 records a DevTools trace of each first view and adds the renderer main thread's CPU
 * time by kind (prompt-trace.ts), which moves far less with the box's load than wall time does.
 *
 * Not part of `pnpm bench`: it is how a change to start-up is judged before it lands.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg } from 'node:os';
import { freePort } from './net';
import { launch, watcher } from './prompt';
import { analyse, CATEGORIES, type TraceEvent } from './prompt-trace';
import { median, percentile } from './stats';

const RUNS = Number(process.env.RUNS ?? 20);
const RETURNING = process.env.RETURNING === '1';
const TRACE = process.env.TRACE === '1';
const here = new URL('..', import.meta.url).pathname;
const OLD = process.env.OLD;
if (!OLD) throw new Error('OLD=<path of the old raaye.js> is required');
const NEW = process.env.NEW ?? `${here}node_modules/@raaye/widget/dist/raaye.js`;
const builds: Record<string, Buffer> = { old: readFileSync(OLD), new: readFileSync(NEW) };
const more = (process.env.MORE ?? '')
  .split(',')
  .filter(Boolean)
  .map((spec) => spec.split(':') as [string, string]);
for (const [name, path] of more) builds[name] = readFileSync(path);

const html = (head: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your ride has ended</title>${head}</head><body><main><h1>Your ride has ended</h1><p>Fare: Rs 640 · 14 min</p></main></body></html>`;
const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
const raaye = (b: string) =>
  html(`<script>window.raaye=window.raaye||function(){(raaye.q=raaye.q||[]).push(arguments)};
raaye('ask',{interactionId:'ride-'+Math.random(),interactionType:'ride',title:'How was your ride with Ali?'});</script>
<script src="/${b}/raaye.js" data-site-key="pk_bench" data-endpoint="${origin}" async></script>`);
const floor = (b: string) =>
  html(`<script>function floor(){const h=document.createElement('div');const r=h.attachShadow({mode:'open'});
r.innerHTML='<style>.b{position:fixed;bottom:16px;left:16px;padding:16px;background:#fff;border:1px solid #ccc}</style><div class="b" role="dialog" aria-label="Rate"><p>How was your ride with Ali?</p><fieldset>'+[1,2,3,4,5].map(n=>'<label><input type="radio" name="s" value="'+n+'">'+n+'</label>').join('')+'</fieldset></div>';
document.body.append(h)}</script>
<script src="/${b}/raaye.js" async onload="floor()"></script>`);
const PAGES = [
  'raaye-old',
  'raaye-new',
  'floor-old',
  'floor-new',
  ...more.map(([name]) => `raaye-${name}`),
];
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', origin).pathname;
  const m = /^\/([\w]+)\/raaye\.js$/.exec(path);
  if (m && builds[m[1] as string])
    return void res
      .writeHead(200, { 'content-type': 'text/javascript' })
      .end(builds[m[1] as string]);
  const page = /^\/(raaye|floor)-(\w+)\.html$/.exec(path);
  if (page)
    return void res
      .writeHead(200, { 'content-type': 'text/html' })
      .end(page[1] === 'raaye' ? raaye(page[2] as string) : floor(page[2] as string));
  req.resume();
  res.writeHead(200, { 'access-control-allow-origin': '*' }).end('{}');
});
await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));

const perPage = <T>(): Record<string, T[]> => Object.fromEntries(PAGES.map((n) => [n, []]));
const first = perPage<number>();
const again = perPage<number>();
const loads: number[] = [];
/** Per page: main-thread CPU (ms) by kind, one record per run (TRACE=1). */
const cpu = perPage<Record<string, number>>();
const browser = await launch();
try {
  for (let round = -1; round < RUNS; round++) {
    loads.push(loadavg()[0] ?? 0);
    for (let k = 0; k < PAGES.length; k++) {
      const name = PAGES[(k + Math.max(round, 0)) % PAGES.length] as string;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript({
        content: `{ const __name = (f) => f; (${watcher.toString()})(${JSON.stringify('[role="dialog"] input[type="radio"]')}, ${JSON.stringify(`/${name.split('-')[1]}/raaye.js`)}); }`,
      });
      const visit = async () => {
        await page.goto(`${origin}/${name}.html`);
        await page.waitForFunction('window.__ttp', undefined, { timeout: 15_000 });
        return ((await page.evaluate('window.__ttp')) as { interactive: number }).interactive;
      };
      if (TRACE) await browser.startTracing(page, { categories: CATEGORIES.split(',') });
      const t = await visit();
      if (round >= 0) first[name]?.push(t);
      if (TRACE) {
        const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
          traceEvents: TraceEvent[];
        };
        const ttp = (await page.evaluate('window.__ttp')) as {
          visible: number;
          interactive: number;
        };
        const p = analyse(trace.traceEvents, ttp);
        if (round >= 0) cpu[name]?.push({ 'main thread CPU': p.busy, ...p.kinds });
      }
      if (RETURNING) {
        if (name.startsWith('raaye')) await page.locator('[role="dialog"] label').first().click();
        await page.waitForTimeout(300);
        const t2 = await visit();
        if (round >= 0) again[name]?.push(t2);
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

const report = (label: string, r: Record<string, number[]>) => {
  console.log(`\n${label}: visible + interactive, ms (median · p90 of ${RUNS})`);
  for (const n of PAGES) {
    const s = r[n] ?? [];
    console.log(
      `  ${n.padEnd(10)} ${median(s).toFixed(1).padStart(7)} · ${percentile(s, 90).toFixed(1)}`,
    );
  }
  const m = (n: string) => median(r[n] ?? []);
  console.log(
    `  raaye ÷ floor: old ${(m('raaye-old') / m('floor-old')).toFixed(2)}×, new ${(m('raaye-new') / m('floor-new')).toFixed(2)}×, new ÷ floor-old ${(m('raaye-new') / m('floor-old')).toFixed(2)}×; raaye new ÷ old ${(m('raaye-new') / m('raaye-old')).toFixed(2)}×`,
  );
  // Paired by round: the old and new builds' prompts measured within the same round.
  for (const b of ['new', ...more.map(([name]) => name)]) {
    const ratios = (r[`raaye-${b}`] ?? []).map((v, i) => v / ((r['raaye-old'] ?? [])[i] ?? v));
    console.log(`  per-round ${b} ÷ old, median ${median(ratios).toFixed(2)}×`);
  }
};
report('first-time visitor', first);
if (TRACE) {
  console.log(`\nfirst-time visitor: main-thread CPU to interactive, ms (median of ${RUNS})`);
  console.log(`  ${''.padEnd(18)}${PAGES.map((n) => n.padStart(10)).join('')}`);
  const kinds = new Set(Object.values(cpu).flatMap((rs) => rs.flatMap((r) => Object.keys(r))));
  for (const k of kinds)
    console.log(
      `  ${k.padEnd(18)}${PAGES.map((n) =>
        median((cpu[n] ?? []).map((r) => r[k] ?? 0))
          .toFixed(1)
          .padStart(10),
      ).join('')}`,
    );
}
if (RETURNING) report('returning visitor', again);
console.log(
  `\nload (1-min) during the rounds: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
);
