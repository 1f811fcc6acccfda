/**
 * The main-thread analysis of a DevTools trace of one time-to-prompt page load, shared by
 * prompt-profile.ts (where the time goes) and prompt-ab.ts (two builds side by side): the
 * renderer main thread's CPU time from navigation to "interactive", by kind of work.
 */
/** A V8 CPU profile node's frame, as the trace's ProfileChunk events carry it. */
export interface CallFrame {
  functionName: string;
  url?: string;
  lineNumber: number;
  columnNumber: number;
}

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  /** Thread (CPU) time, µs: what the task used, whatever else the machine was running. */
  tts?: number;
  tdur?: number;
  // biome-ignore lint/suspicious/noExplicitAny: trace event arguments differ per event name
  args?: Record<string, any>;
}

export const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.compile',
].join(',');

/** Kinds of main-thread work, by the trace event that does it (self time). */
export const KIND: Record<string, string> = {
  ParseHTML: 'parse HTML',
  'v8.compile': 'compile',
  'V8.CompileCode': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileLazy': 'compile',
  'V8.ParseFunction': 'compile',
  'V8.Parse': 'compile',
  'v8.parseOnBackground': 'compile',
  EvaluateScript: 'script run',
  'v8.evaluateModule': 'script run',
  FunctionCall: 'script run',
  'v8.callFunction': 'script run',
  'v8.run': 'script run',
  TimerFire: 'script run',
  FireAnimationFrame: 'script run',
  RunMicrotasks: 'script run',
  'V8.RunMicrotasks': 'script run',
  EventDispatch: 'script run',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  'Document::updateStyleAndLayoutTree': 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  Commit: 'paint',
  UpdateLayer: 'paint',
  'LocalFrameView::RunPrePaintLifecycleUpdate': 'paint',
  MinorGC: 'GC',
  MajorGC: 'GC',
  'V8.GC_SCAVENGER': 'GC',
  BlinkGC: 'GC',
  'V8.GCScavenger': 'GC',
  'V8.GCFinalizeMC': 'GC',
  'V8.GCIncrementalMarking': 'GC',
};

export interface RunProfile {
  interactive: number;
  visible: number;
  /** Main-thread CPU time in top-level tasks before interactive. */
  busy: number;
  blocking: number;
  kinds: Record<string, number>;
  names: Record<string, number>;
  functions: Record<string, number>;
  long: string[];
}

export function analyse(
  events: TraceEvent[],
  ttp: { visible: number; interactive: number },
  functions?: (
    events: TraceEvent[],
    pid: number,
    start: number,
    end: number,
  ) => Record<string, number>,
): RunProfile {
  // The renderer that ran raaye.js: the main thread with the page's navigationStart mark.
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name')
      threadNames.set(`${e.pid}:${e.tid}`, e.args?.name as string);
  const nav = events
    .filter(
      (e) =>
        e.name === 'navigationStart' &&
        String(e.args?.data?.documentLoaderURL ?? '').startsWith('http'),
    )
    .at(-1);
  if (!nav) throw new Error('no navigationStart in the trace');
  const key = `${nav.pid}:${nav.tid}`;
  if (threadNames.get(key) !== 'CrRendererMain') throw new Error(`unexpected thread ${key}`);
  const start = nav.ts;
  const end = start + ttp.interactive * 1000;
  const mine = events
    .filter((e) => `${e.pid}:${e.tid}` === key && e.ts >= start && e.ts < end)
    .filter((e) => e.ph === 'X' || e.ph === 'B' || e.ph === 'E')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Complete events from B/E pairs, then self times by nesting.
  // Times are thread CPU time where the trace has it (tdur), so a loaded machine inflates them less.
  const spans: Array<{ name: string; ts: number; end: number; cpu: number }> = [];
  const open: TraceEvent[] = [];
  for (const e of mine) {
    const wall = e.dur ?? 0;
    if (e.ph === 'X') spans.push({ name: e.name, ts: e.ts, end: e.ts + wall, cpu: e.tdur ?? wall });
    else if (e.ph === 'B') open.push(e);
    else {
      const b = open.pop();
      if (b)
        spans.push({
          name: b.name,
          ts: b.ts,
          end: e.ts,
          cpu: e.tts !== undefined && b.tts !== undefined ? e.tts - b.tts : e.ts - b.ts,
        });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const names: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const long: string[] = [];
  let busy = 0;
  let blocking = 0;
  const stack: Array<{ name: string; end: number; self: number; kind?: string }> = [];
  const pop = () => {
    const s = stack.pop();
    if (!s) return;
    names[s.name] = (names[s.name] ?? 0) + s.self;
    // Work under a known kind that has no kind of its own counts as that kind.
    const kind = s.kind ?? 'other';
    kinds[kind] = (kinds[kind] ?? 0) + s.self;
  };
  for (const s of spans) {
    while (stack.length && (stack.at(-1) as { end: number }).end <= s.ts) pop();
    const d = s.cpu;
    const wall = s.end - s.ts;
    const parent = stack.at(-1);
    if (parent) parent.self -= d;
    else if (s.name === 'RunTask' || s.name === 'ThreadControllerImpl::RunTask') {
      busy += d;
      if (wall > 50_000) {
        blocking += wall - 50_000;
        long.push(`${((s.ts - start) / 1000).toFixed(0)} ms +${(wall / 1000).toFixed(0)}`);
      }
    }
    stack.push({ name: s.name, end: s.end, self: d, kind: KIND[s.name] ?? parent?.kind });
  }
  while (stack.length) pop();
  for (const k of Object.keys(names)) names[k] = (names[k] as number) / 1000;
  for (const k of Object.keys(kinds)) kinds[k] = (kinds[k] as number) / 1000;
  return {
    interactive: ttp.interactive,
    visible: ttp.visible,
    busy: busy / 1000,
    blocking: blocking / 1000,
    kinds,
    names,
    functions: functions?.(events, nav.pid, start, end) ?? {},
    long,
  };
}
