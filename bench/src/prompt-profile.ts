/**
 * Where Raaye's time to prompt goes, next to the floor's (issue 16 goal 1): the time-to-prompt
 * pages of prompt.ts loaded in headless Chromium under a DevTools trace, the renderer main
 * thread's work from navigation to "interactive" split by kind (script compile, script run,
 * style, layout, paint, GC, HTML parse…), long tasks, and the JS functions that ran longest
 * (CPU samples mapped through raaye.js's source map to the TypeScript sources).
 *
 *   node --conditions=@raaye/source --import tsx src/prompt-profile.ts   (RUNS=8, RETURNING=1)
 *
 * Not part of `pnpm bench`: it is the tool that explains the bench's figures.
 */
import { readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import { launch, PATHS, startSite, TOOLS, watcher } from './prompt';
import {
  analyse,
  CATEGORIES,
  type CallFrame,
  type RunProfile,
  type TraceEvent,
} from './prompt-trace';
import { median } from './stats';

const RUNS = Number(process.env.RUNS ?? 8);
const RETURNING = process.env.RETURNING === '1';
const here = new URL('..', import.meta.url).pathname;
const map = new SourceMapConsumer(
  JSON.parse(readFileSync(`${here}node_modules/@raaye/widget/dist/raaye.js.map`, 'utf8')),
);

/** Self time per JS function from the V8 sampling profiler's trace chunks, within [start, end). */
function cpuFunctions(events: TraceEvent[], pid: number, start: number, end: number) {
  const out: Record<string, number> = {};
  const byId = new Map<string, Map<number, { callFrame: CallFrame }>>();
  const time = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid) continue;
    const id = String((e as { id?: string }).id);
    if (e.name === 'Profile') time.set(id, e.args?.data?.startTime as number);
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data as {
      cpuProfile?: { nodes?: Array<{ id: number; callFrame: CallFrame }>; samples?: number[] };
      timeDeltas?: number[];
    };
    const nodes = byId.get(id) ?? new Map<number, { callFrame: CallFrame }>();
    byId.set(id, nodes);
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = time.get(id) ?? 0;
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const dt = deltas[i] ?? 0;
      t += dt;
      const next = deltas[i + 1] ?? 100;
      if (t < start || t >= end) continue;
      const node = nodes.get(samples[i] as number);
      if (!node) continue;
      const f = node.callFrame;
      const url = f.url ?? '';
      let label = f.functionName || '(anonymous)';
      if (url.endsWith('/raaye.js') && f.lineNumber >= 0) {
        const pos = map.originalPositionFor({ line: f.lineNumber + 1, column: f.columnNumber });
        const src = String(pos.source ?? '?').replace(/^.*?(packages|node_modules)\//, '');
        label = `${pos.name ?? label} ${src}:${pos.line}`;
      } else if (url) label = `${label} ${url.replace(/^.*\//, '')}`;
      out[label] = (out[label] ?? 0) + next / 1000;
    }
    time.set(id, t);
  }
  return out;
}

const site = await startSite();
const browser = await launch();
const runs: RunProfile[][] = [[], []];
try {
  for (let round = -1; round < RUNS; round++) {
    for (const i of round % 2 ? [0, 1] : [1, 0]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const tool = TOOLS[i] as (typeof TOOLS)[number];
      await page.addInitScript({
        content: `{ const __name = (f) => f; (${watcher.toString()})(${JSON.stringify(tool.control)}, ${JSON.stringify(tool.script)}); }`,
      });
      const url = `${site.origin}${PATHS[i]}`;
      if (RETURNING) {
        await page.goto(url);
        await page.waitForFunction('window.__ttp', undefined, { timeout: 15_000 });
        if (i === 0) await page.locator('[role="dialog"] label').first().click();
        await page.waitForTimeout(300);
      }
      await browser.startTracing(page, { categories: CATEGORIES.split(',') });
      await page.goto(url);
      await page.waitForFunction('window.__ttp', undefined, { timeout: 15_000 });
      const ttp = (await page.evaluate('window.__ttp')) as { visible: number; interactive: number };
      const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
        traceEvents: TraceEvent[];
      };
      if (round >= 0) (runs[i] as RunProfile[]).push(analyse(trace.traceEvents, ttp, cpuFunctions));
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.close();
}

const [raaye, floor] = runs as [RunProfile[], RunProfile[]];
const med = (rs: RunProfile[], f: (r: RunProfile) => number | undefined) =>
  median(rs.map((r) => f(r) ?? 0));
const fmt = (n: number) => n.toFixed(1).padStart(7);
console.log(`${RETURNING ? 'returning' : 'first-time'} visitor, medians of ${RUNS} runs (ms)`);
console.log('                     raaye   floor    diff');
const row = (label: string, f: (r: RunProfile) => number | undefined) => {
  const a = med(raaye, f);
  const b = med(floor, f);
  console.log(`${label.padEnd(18)} ${fmt(a)} ${fmt(b)} ${fmt(a - b)}`);
};
row('visible', (r) => r.visible);
row('interactive', (r) => r.interactive);
row('main thread CPU', (r) => r.busy);
row('blocking (>50ms)', (r) => r.blocking);
const kinds = new Set([...raaye, ...floor].flatMap((r) => Object.keys(r.kinds)));
for (const k of kinds) row(`  ${k}`, (r) => r.kinds[k]);
console.log('\nevents by self time (raaye − floor, top 25)');
const names = new Set([...raaye, ...floor].flatMap((r) => Object.keys(r.names)));
const diffs = [...names]
  .map((n) => [n, med(raaye, (r) => r.names[n]), med(floor, (r) => r.names[n])] as const)
  .sort((a, b) => b[1] - b[2] - (a[1] - a[2]))
  .slice(0, 25);
for (const [n, a, b] of diffs) console.log(`${n.slice(0, 40).padEnd(40)} ${fmt(a)} ${fmt(b)}`);
for (const [label, rs] of [
  ['raaye', raaye],
  ['floor', floor],
] as const) {
  console.log(`\n${label}: JS functions by self time (median, top 30)`);
  const fns = new Set(rs.flatMap((r) => Object.keys(r.functions)));
  const top = [...fns]
    .map((n) => [n, med(rs, (r) => r.functions[n])] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 30);
  for (const [n, t] of top) console.log(`${fmt(t)}  ${n}`);
  console.log(`long tasks: ${rs.map((r) => r.long.join(', ') || '–').join(' | ')}`);
}
