import {
  type ClientOptions,
  createClient,
  isRaayeError,
  type RaayeClient,
  type Rating,
} from '@raaye/core';
import { createElement, render } from 'preact';
import { type Bridge, detectBridge } from './bridge/webview-bridge';
import { RatingPrompt, type SubmitInput } from './components/RatingPrompt';
import { resolveLocale } from './i18n/resolve-locale';
import type { LocalePack } from './i18n/strings';
import { inertOthers } from './inert';
import { fetchOwed } from './owed';
import { isTop } from './scale-items';
import { createShadowHost } from './shadow-host';
import type {
  AskResult,
  Layout,
  MountOptions,
  PromptConfig,
  WidgetController,
  WidgetEvents,
} from './types';
import { validateMountOptions, validatePrompt } from './validate-options';

interface Job {
  prompt: PromptConfig;
  promise: Promise<AskResult>;
  resolve: (r: AskResult) => void;
}

let uidCounter = 0;

/** Locale packs registered globally (script-tag packs call this through `raaye('locale', pack)`). */
const globalPacks: LocalePack[] = [];
export function registerLocale(pack: LocalePack): void {
  if (pack && typeof pack.code === 'string') globalPacks.unshift(pack);
}

/**
 * Start the widget: create (or adopt) a client, a Shadow DOM host, and show prompts still owed.
 * Throws a RaayeError (`invalid_option`) for bad options; never throws from background work.
 *
 * @example
 * const raaye = mount({ siteKey: 'pk_…', endpoint: 'https://ratings.example.com' });
 * const result = await raaye.ask({ interactionId: 'ride_42', title: 'How was your ride?' });
 */
export function mount(options: MountOptions): WidgetController {
  validateMountOptions(options);
  const o = options;
  const bridge: Bridge | undefined = o.bridge === false ? undefined : detectBridge();
  const ownClient = !o.client;
  const client: RaayeClient =
    o.client ??
    // Core reads siteKey, endpoint, storage, transport, user and recontact, and ignores the rest.
    createClient({ ...(o as ClientOptions), source: bridge?.kind });
  const floatingParent = document.body;
  const shadow = createShadowHost(o.target ?? floatingParent, o.nonce);
  const { host } = shadow;
  if (o.theme && o.theme !== 'auto') host.setAttribute('data-theme', o.theme);
  const tokens = o.tokens ?? {};
  for (const [k, v] of Object.entries(tokens)) {
    // CSSOM writes are allowed under a strict style-src, unlike style attributes in markup.
    if (typeof v === 'string')
      host.style.setProperty(`--raaye-${k === 'background' ? 'bg' : k}`, v);
  }

  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const queue: Job[] = [];
  let current: Job | undefined;
  let restoreInert: (() => void) | undefined;
  let destroyed = false;
  const cleanups: Array<() => void> = [];

  const emit = <E extends keyof WidgetEvents>(event: E, payload: WidgetEvents[E]) => {
    const post = () => bridge?.post({ type: `raaye:${event}`, version: 1, payload });
    // A throwing listener or native handler must not break the prompt or the page.
    for (const fn of [...(listeners.get(event) ?? []), post]) {
      try {
        fn(payload);
      } catch (e) {
        console.error(e);
      }
    }
  };
  const fail = (e: unknown) =>
    emit('error', {
      message: e instanceof Error ? e.message : String(e),
      code: isRaayeError(e) ? e.code : undefined,
    });

  // The on-screen keyboard shrinks the visual viewport; lift sheets above it.
  const vv = window.visualViewport;
  if (vv) {
    const onResize = () => {
      const kb = Math.max(0, window.innerHeight - vv.height - vv.offsetTop);
      host.style.setProperty('--raaye-kb', `${Math.round(kb)}px`);
    };
    vv.addEventListener('resize', onResize);
    cleanups.push(() => vv.removeEventListener('resize', onResize));
  }

  const layoutOf = (p: PromptConfig): Layout => {
    const l = p.layout ?? o.layout ?? (o.target ? 'inline' : 'modal');
    // A required prompt blocks the page, so it cannot be inline.
    return p.required && l === 'inline' ? 'modal' : l;
  };

  const close = () => {
    restoreInert?.();
    restoreInert = undefined;
    render(null, shadow.root);
    current = undefined;
    queueMicrotask(next);
  };

  const show = (job: Job) => {
    const p = job.prompt;
    const layout = layoutOf(p);
    const locale = resolveLocale([...(o.locales ?? []), ...globalPacks], o.locale, o.strings);
    const scale = p.scale ?? 'stars5';
    const parent = layout === 'inline' ? (o.target ?? floatingParent) : floatingParent;
    if (host.parentElement !== parent) parent.append(host);
    if (layout !== 'inline' && (p.required || layout === 'modal')) restoreInert = inertOthers(host);
    let settled = false;
    const onSubmit = async ({ score, tags, comment }: SubmitInput) => {
      let rating: Rating;
      try {
        rating = await client.rate({
          interactionId: p.interactionId,
          interactionType: p.interactionType,
          scale,
          score,
          tags: tags.length ? tags : undefined,
          comment: comment || undefined,
          meta: p.meta,
          locale: locale.code,
        });
      } catch (e) {
        if (isRaayeError(e) && e.code === 'already_rated') {
          settled = true;
          job.resolve({ status: 'skipped', reason: 'already_rated' });
          close();
          return { queued: false };
        }
        fail(e);
        throw e;
      }
      const queued = !navigator.onLine;
      settled = true;
      emit('submitted', { interactionId: p.interactionId, rating, queued });
      if (isTop(scale, score)) emit('high-score', { interactionId: p.interactionId, scale, score });
      job.resolve({ status: 'submitted', rating, queued });
      return { queued };
    };
    const onDismiss = (reason: 'close' | 'escape' | 'outside') => {
      if (p.required || settled) return;
      settled = true;
      emit('dismissed', { interactionId: p.interactionId, reason });
      job.resolve({ status: 'dismissed', reason });
      close();
    };
    render(
      createElement(RatingPrompt, {
        key: ++uidCounter,
        uid: `raaye${uidCounter}`,
        prompt: p,
        layout,
        locale,
        onSubmit,
        onDismiss,
        onDone: close,
        thanksMs: o.thanksMs ?? 2500,
      }),
      shadow.root,
    );
    emit('shown', { interactionId: p.interactionId, scale, required: !!p.required });
  };

  /** Decide whether a queued prompt is still to be shown, then show it; one at a time. */
  const next = async () => {
    if (current || destroyed) return;
    const job = queue.shift();
    if (!job) return;
    current = job;
    const p = job.prompt;
    try {
      const decision = await client.shouldAsk(p.interactionId);
      const skip = p.required ? decision.reason === 'already_rated' : !decision.ask;
      if (skip) {
        emit('skipped', { interactionId: p.interactionId, reason: decision.reason });
        job.resolve({ status: 'skipped', reason: decision.reason });
      } else {
        if (p.required) {
          // Persist first: if the page closes now, the prompt comes back on the next page view.
          await client
            .expect({ interactionId: p.interactionId, expiresAt: p.expiresAt, prompt: toJson(p) })
            .catch(fail);
        }
        // Not awaited: recording the prompt for the recontact rules need not delay showing it.
        client.noteAsked(p.interactionId).catch(fail);
        if (!destroyed) {
          show(job);
          return;
        }
        job.resolve({ status: 'skipped', reason: 'destroyed' });
      }
    } catch (e) {
      fail(e);
      job.resolve({ status: 'skipped', reason: 'error' });
    }
    current = undefined;
    queueMicrotask(next);
  };

  const ask = (prompt: PromptConfig): Promise<AskResult> => {
    try {
      validatePrompt(prompt);
    } catch (e) {
      return Promise.reject(e);
    }
    if (destroyed) return Promise.resolve({ status: 'skipped', reason: 'destroyed' });
    const same = [current, ...queue].find((j) => j?.prompt.interactionId === prompt.interactionId);
    if (same) return same.promise;
    let resolve!: (r: AskResult) => void;
    const promise = new Promise<AskResult>((r) => {
      resolve = r;
    });
    queue.push({ prompt, promise, resolve });
    void next();
    return promise;
  };

  const resume = async () => {
    try {
      // The server's word first: prompts answered on another device or channel, cancelled or
      // expired are dropped (fetchOwed resolves them) before any pending one is shown again.
      let fromServer: PromptConfig[] = [];
      if (o.owed) fromServer = await o.owed(client).catch((e: unknown) => (fail(e), []));
      else if (o.resumePending !== false && (await client.pending()).length > 0) {
        await fetchOwed(client).catch(() => []);
      }
      if (o.resumePending !== false) {
        for (const pp of await client.pending()) {
          if (destroyed) return;
          void ask({
            ...(pp.prompt as Partial<PromptConfig>),
            interactionId: pp.interactionId,
            required: true,
          }).catch(fail);
        }
      }
      if (!destroyed) for (const p of fromServer) void ask(p).catch(fail);
    } catch (e) {
      fail(e);
    }
  };
  void resume();

  return {
    client,
    ask,
    async expect(prompt) {
      validatePrompt(prompt);
      await client.expect({
        interactionId: prompt.interactionId,
        expiresAt: prompt.expiresAt,
        prompt: toJson({ ...prompt, required: true }),
      });
    },
    on(event, fn) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(fn as (p: unknown) => void);
      return () => set.delete(fn as (p: unknown) => void);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      const jobs = [current, ...queue.splice(0)];
      for (const job of jobs) job?.resolve({ status: 'dismissed', reason: 'destroyed' });
      restoreInert?.();
      render(null, shadow.root);
      host.remove();
      for (const c of cleanups) c();
      listeners.clear();
      if (ownClient) client.destroy();
    },
  };
}

/** What `client.expect` stores: plain JSON, so it can be shown again after a reload. */
function toJson(p: PromptConfig): Record<string, unknown> {
  return JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
}
