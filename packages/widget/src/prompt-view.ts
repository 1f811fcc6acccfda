import { isRaayeError, type RaayeClient, type Rating } from '@raaye/core';
import { isTopScore } from '@raaye/protocol';
import { createElement, render } from 'preact';
import { RatingPrompt, type SubmitInput } from './components/RatingPrompt';
import { requestPack } from './i18n/load-pack';
import { resolveLocale } from './i18n/resolve-locale';
import { inertOthers, isOnScreen } from './inert';
import type { Job } from './jobs';
import { globalPacks } from './locale-registry';
import type { Layout, MountOptions, PromptConfig, WidgetEvents } from './types';

export interface ViewDeps {
  o: MountOptions;
  /** Core's client, made at its first use (mount). */
  client: () => RaayeClient;
  host: HTMLElement;
  root: HTMLElement;
  emit: <E extends keyof WidgetEvents>(event: E, payload: WidgetEvents[E]) => void;
  fail: (e: unknown) => void;
  /** The prompt on screen has closed. */
  done: () => void;
}

let uid = 0;

export const layoutOf = (o: MountOptions, p: PromptConfig): Layout => {
  const l = p.layout ?? o.layout ?? (o.target ? 'inline' : 'modal');
  // A required prompt blocks the page, so it cannot be inline.
  return p.required && l === 'inline' ? 'modal' : l;
};

/**
 * Draws one prompt at a time into the shadow root and owns what goes with it on screen: the
 * page's inert state (only once the prompt is verifiably visible), focus in and back out,
 * the thank-you, and re-rendering when a language pack arrives.
 */
export function createPromptView(d: ViewDeps) {
  const { o, client, host, root } = d;
  let draw: (() => void) | undefined;
  let restoreInert: (() => void) | undefined;
  let returnFocus: HTMLElement | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reveal: (() => void) | undefined;

  const locale = () => {
    const l = resolveLocale([...(o.locales ?? []), ...globalPacks], o.locale, o.strings);
    if (l.missing) requestPack(l.missing);
    return l;
  };

  const close = () => {
    clearTimeout(timer);
    restoreInert?.();
    restoreInert = reveal = draw = undefined;
    render(null, root);
    // Give focus back where it was, unless the person has moved it elsewhere meanwhile.
    const active = document.activeElement;
    if (returnFocus?.isConnected && (!active || active === document.body || active === host))
      returnFocus.focus({ preventScroll: true });
    returnFocus = undefined;
    d.done();
  };

  /**
   * Draw `job`'s prompt. `keep` settles with whether it stays (storage may withdraw a prompt drawn
   * early): it is made modal, focused and reported `shown` only after the first frame and once
   * `keep` says yes; on no it is taken down without a trace.
   */
  const show = (job: Job, keep: Promise<boolean> = Promise.resolve(true)) => {
    const p = job.prompt;
    const layout = layoutOf(o, p);
    const scale = p.scale ?? 'stars5';
    const modal = layout !== 'inline' && (!!p.required || layout === 'modal');
    const key = ++uid;
    let settled = false;
    let code = 'en';
    const onSubmit = async ({ score, tags, comment }: SubmitInput) => {
      reveal?.();
      let rating: Rating;
      try {
        rating = await client().rate({
          interactionId: p.interactionId,
          interactionType: p.interactionType,
          scale,
          score,
          tags: tags.length ? tags : undefined,
          comment: comment || undefined,
          meta: p.meta,
          locale: code,
          token: p.token,
          channel: 'widget',
        });
      } catch (e) {
        if (isRaayeError(e) && e.code === 'already_rated') {
          settled = true;
          job.resolve({ status: 'skipped', reason: 'already_rated' });
          close();
          return { queued: false };
        }
        d.fail(e);
        throw e;
      }
      const queued = !navigator.onLine;
      settled = true;
      d.emit('submitted', { interactionId: p.interactionId, rating, queued });
      if (isTopScore(scale, score))
        d.emit('high-score', { interactionId: p.interactionId, scale, score });
      job.resolve({ status: 'submitted', rating, queued });
      return { queued };
    };
    const onDismiss = (reason: 'close' | 'escape' | 'outside') => {
      reveal?.();
      if (p.required || settled) return;
      settled = true;
      d.emit('dismissed', { interactionId: p.interactionId, reason });
      job.resolve({ status: 'dismissed', reason });
      close();
    };
    draw = () => {
      const l = locale();
      code = l.code;
      render(
        createElement(RatingPrompt, {
          key,
          uid: `raaye${key}`,
          prompt: p,
          layout,
          locale: l,
          onSubmit,
          onDismiss,
          onDone: close,
          thanksMs: o.thanksMs ?? 2500,
        }),
        root,
      );
    };
    const parent = layout === 'inline' ? (o.target ?? document.body) : document.body;
    if (host.parentElement !== parent) parent.append(host);
    if (layout !== 'inline') {
      const active = document.activeElement;
      returnFocus = active instanceof HTMLElement && active !== document.body ? active : undefined;
    }
    draw();
    const mine = draw;
    // After the first frame (no forced layout before it): check the prompt really is on screen
    // before trapping the page behind it, then move focus in. Hidden by the page: fail open.
    // Also run at the first answer, should one come sooner, so `shown` always comes first.
    reveal = () => {
      reveal = undefined;
      const box = root.querySelector<HTMLElement>('.box');
      if (!box || draw !== mine) return;
      if (layout !== 'inline' && !isOnScreen(box, host)) {
        d.emit('error', {
          code: 'hidden',
          message: `${p.interactionId}: hidden by page styles; page left usable`,
        });
        job.resolve({ status: 'skipped', reason: 'hidden' });
        close();
        return;
      }
      if (modal) restoreInert = inertOthers(host);
      if (layout !== 'inline') box.querySelector('input')?.focus();
      d.emit('shown', { interactionId: p.interactionId, scale, required: !!p.required });
    };
    requestAnimationFrame(() => {
      timer = setTimeout(() =>
        keep.then(
          (yes) => (yes ? reveal?.() : draw === mine && close()),
          () => reveal?.(),
        ),
      );
    });
  };

  return {
    show,
    /** Re-render the prompt on screen (a language pack arrived). */
    refresh: () => draw?.(),
    destroy() {
      clearTimeout(timer);
      restoreInert?.();
      draw = undefined;
      render(null, root);
    },
  };
}
