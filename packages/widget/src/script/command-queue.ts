import type { EventName } from '@raaye/core';
import { setPackSource } from '../i18n/load-pack';
import type { LocalePack } from '../i18n/strings';
import { mount, registerLocale } from '../mount';
import type {
  AskResult,
  MountOptions,
  PromptConfig,
  WidgetController,
  WidgetEvents,
} from '../types';

/** `window.raaye`: the snippet's queueing stub before load, the command function after. */
export interface RaayeGlobal {
  (command: string, ...args: unknown[]): unknown;
  /** Calls made before the script loaded (the snippet pushes `arguments`). */
  q?: ArrayLike<unknown>[];
  /** Set by the loaded script, so a second copy does not initialise twice. */
  loaded?: boolean;
  version?: string;
}

const WIDGET_EVENTS = new Set([
  'shown',
  'submitted',
  'dismissed',
  'skipped',
  'high-score',
  'error',
]);

function attach(ctl: WidgetController, event: string, fn: (p: unknown) => void): () => void {
  return WIDGET_EVENTS.has(event)
    ? ctl.on(event as keyof WidgetEvents, fn)
    : ctl.client.on(event as EventName, fn);
}

/** Options from `data-*` attributes of the script element. */
export function readScriptConfig(script: HTMLScriptElement | null): Partial<MountOptions> {
  if (!script) return {};
  const d = script.dataset;
  const out: Partial<MountOptions> = {};
  if (d.siteKey) out.siteKey = d.siteKey;
  if (d.endpoint) {
    // `data-endpoint="/"` (same origin) is handy for self-hosted collectors.
    out.endpoint = new URL(d.endpoint, location.href).href.replace(/\/$/, '');
  }
  if (d.locale) out.locale = d.locale;
  // Reuse the script's CSP nonce for the `<style>` fallback.
  if (script.nonce) out.nonce = script.nonce;
  return out;
}

/**
 * Replace the snippet's stub with the real command function and run what was queued.
 * Never throws: a bad config logs one console error and the page carries on.
 */
export function installCommandApi(win: Window, script: HTMLScriptElement | null): RaayeGlobal {
  const w = win as unknown as { raaye?: RaayeGlobal };
  const prev = w.raaye;
  if (prev?.loaded) return prev;

  const fromScript = readScriptConfig(script);
  // Missing language packs are fetched from beside this script.
  setPackSource(script);
  let ctl: WidgetController | undefined;
  let held: unknown[][] = [];
  const subs: Array<{ event: string; fn: (p: unknown) => void; off?: () => void }> = [];
  const log = (e: unknown) =>
    console.error(`[raaye] ${e instanceof Error ? e.message : String(e)}`);

  const init = (opts?: Partial<MountOptions>): WidgetController | undefined => {
    ctl?.destroy();
    ctl = undefined;
    try {
      ctl = mount({ ...fromScript, ...opts } as MountOptions);
    } catch (e) {
      log(e);
      held = [];
      return undefined;
    }
    // Listeners outlive re-initialisation (e.g. a language switch calls init again).
    for (const sub of subs) sub.off = attach(ctl, sub.event, sub.fn);
    const run = held;
    held = [];
    for (const args of run) exec(args);
    return ctl;
  };

  const exec = (args: unknown[]): unknown => {
    const [command, a, b] = args;
    try {
      if (command === 'init') return init(a as Partial<MountOptions>);
      if (command === 'locale') return registerLocale(a as LocalePack);
      if (command === 'on') {
        if (typeof a !== 'string' || typeof b !== 'function')
          throw new Error('use raaye("on", event, fn)');
        const sub: (typeof subs)[number] = { event: a, fn: b as (p: unknown) => void };
        subs.push(sub);
        if (ctl) sub.off = attach(ctl, a, sub.fn);
        return () => {
          sub.off?.();
          subs.splice(subs.indexOf(sub), 1);
        };
      }
      if (!ctl) {
        if (command !== 'destroy') held.push(args);
        return undefined;
      }
      switch (command) {
        case 'ask': {
          return ctl
            .ask(a as PromptConfig)
            .catch((e: unknown): AskResult => {
              log(e);
              return { status: 'skipped', reason: 'invalid_prompt' };
            })
            .then((r) => {
              if (typeof b === 'function') b(r);
              return r;
            });
        }
        case 'expect':
          return ctl.expect(a as PromptConfig).catch((e: unknown) => log(e));
        case 'identify':
          // Before or after start alike: held calls run here once mounted.
          return ctl.identify(a as Parameters<WidgetController['identify']>[0]);
        case 'destroy':
          ctl.destroy();
          ctl = undefined;
          return undefined;
      }
      log(`unknown command ${String(command)}`);
    } catch (e) {
      log(e);
    }
    return undefined;
  };

  const api: RaayeGlobal = (...args: unknown[]) => exec(args);
  api.loaded = true;
  api.version = '0.1.0';
  w.raaye = api;

  const queued = Array.from(prev?.q ?? [], (a) => Array.from(a));
  for (const args of queued) exec(args);
  // No explicit init: configure from the script's data-* attributes.
  const configured = script?.hasAttribute('data-site-key') || script?.hasAttribute('data-endpoint');
  if (!ctl && configured && !queued.some((a) => a[0] === 'init')) init();
  return api;
}

/** The element that loaded us: `currentScript` while running, else the one carrying our config. */
export function findScript(doc: Document): HTMLScriptElement | null {
  const cur = doc.currentScript;
  if (cur instanceof HTMLScriptElement && cur.dataset.siteKey !== undefined) return cur;
  return doc.querySelector<HTMLScriptElement>('script[data-site-key]');
}
