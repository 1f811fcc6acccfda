import {
  type ClientOptions,
  createClient,
  isRaayeError,
  type RaayeClient,
  validateOptions,
} from '@raaye/core';
import { type Bridge, detectBridge } from './bridge/webview-bridge';
import { createEmitter } from './emitter';
import { createJobs, expectPrompt, type Job } from './jobs';
import { onLocale } from './locale-registry';
import { fetchOwed } from './owed';
import { createPromptView } from './prompt-view';
import { createShadowHost, whenBody } from './shadow-host';
import { applyTheme, trackKeyboard } from './theme';
import type { MountOptions, PromptConfig, WidgetController, WidgetEvents } from './types';
import { validateMountOptions, validatePrompt } from './validate-options';

export { registerLocale } from './locale-registry';

/**
 * Start the widget: create (or adopt) a client, a Shadow DOM host, and show prompts still owed.
 * Throws a RaayeError (`invalid_option`) for bad options; never throws from background work.
 * Safe to call before `<body>` exists: the host is attached when it does.
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
  // Bad options throw here, as before; the client itself is made at its first use (below).
  o.client || validateOptions(o);
  let made: RaayeClient | undefined;
  /**
   * Core's client (storage probe, sender, page lifecycle) is made at its first use. The first
   * optional prompt of a page uses it only once the page is idle after drawing it, so none of
   * core's compile and start-up comes before that prompt's first frame (issue 16).
   */
  const client = (): RaayeClient =>
    (made ??=
      o.client ??
      // Core reads siteKey, endpoint, storage, transport, user and recontact, and ignores the rest.
      createClient({ ...(o as ClientOptions), source: bridge?.kind }));
  /**
   * After the page has gone idle, or 1 s at most: a page that never idles must not hold back
   * the recontact decision or a required prompt owed from an earlier view. (Safari has no
   * requestIdleCallback: the next task there; setTimeout reads the options object as 0 ms.)
   */
  const idle = () =>
    new Promise((r) => (self.requestIdleCallback ?? setTimeout)(r, { timeout: 1e3 } as never));
  const events = createEmitter<WidgetEvents>((event, payload) =>
    bridge?.post({ type: `raaye:${event}`, version: 1, payload }),
  );
  const emit = events.emit;
  const fail = (e: unknown) =>
    emit('error', {
      message: e instanceof Error ? e.message : String(e),
      code: isRaayeError(e) ? e.code : undefined,
    });
  let destroyed = false;

  const { host, root } = createShadowHost(o.nonce);
  applyTheme(host, o);
  let bodyReady!: () => void;
  const body = new Promise<void>((r) => {
    bodyReady = r;
  });
  const cleanups = [
    trackKeyboard(host),
    whenBody((b) => {
      (o.target ?? b).append(host);
      bodyReady();
    }),
  ];

  const view = createPromptView({ o, client, host, root, emit, fail, done: () => jobs.done() });
  cleanups.push(onLocale(view.refresh));

  const skipped = (job: Job, reason: string) => {
    emit('skipped', { interactionId: job.prompt.interactionId, reason });
    job.resolve({ status: 'skipped', reason });
  };

  /**
   * Why a required prompt is no longer owed, if it is not: rated, or (one resumed from an earlier
   * page view) no longer pending: answered on another device or channel, cancelled or expired.
   */
  const gone = async (job: Job) => {
    const { reason } = await client().shouldAsk(job.prompt.interactionId);
    return job.resumed ? reason !== 'pending' && 'closed' : reason === 'already_rated' && reason;
  };

  /** Decide whether a prompt whose turn has come is still to be shown, then show it. */
  const run = async (job: Job) => {
    const p = job.prompt;
    try {
      if (!p.required) {
        // Optional: drawn at once while storage decides (recontact rules, already rated), and
        // withdrawn if it says no: the first prompt does not wait ~50 ms of IndexedDB.
        const offer = () => client().offer({ interactionId: p.interactionId });
        const now = made && offer();
        const keep = (async () => {
          // No client yet (the page's first prompt): made once the page is idle, never after
          // destroy().
          const x = now || (await idle().then(() => !destroyed && offer()));
          const d = x && (await x.decision);
          if (d && !d.ask) skipped(job, d.reason);
          return !!d && d.ask;
        })();
        const early = !now || now.early;
        if (early && document.body && !destroyed) return view.show(job, keep);
        if (await keep) {
          await body;
          if (!destroyed) return view.show(job);
          skipped(job, 'destroyed');
        }
      } else {
        // Required: stored as pending when asked (jobs.ts); shown once that write is done.
        const [why] = await Promise.all([gone(job), job.durable]);
        if (why) skipped(job, why);
        else {
          // Not awaited: recording the prompt for the recontact rules need not delay showing it.
          client().noteAsked(p.interactionId).catch(fail);
          await body;
          if (!destroyed) return view.show(job);
          skipped(job, 'destroyed');
        }
      }
    } catch (e) {
      fail(e);
      job.resolve({ status: 'skipped', reason: 'error' });
    }
    jobs.done();
  };
  const jobs = createJobs(client, fail, run);

  /** Prompts owed from earlier page views (in the order they were asked), then the server's. */
  const resume = async () => {
    try {
      // The server's word first: prompts answered on another device or channel, cancelled or
      // expired are dropped (fetchOwed resolves them) before any pending one is shown again.
      // After one storage read, so that identify() calls the script tag held run first.
      await idle();
      if (destroyed) return;
      const fromServer = await (o.owed ?? fetchOwed)(client()).catch((e: unknown) => {
        fail(e);
        return [];
      });
      if (o.resumePending !== false) {
        const owed = await client().pending();
        const at = (x: (typeof owed)[number]) => Number(x.prompt.at) || Date.parse(x.createdAt);
        for (const pp of owed.sort((a, b) => at(a) - at(b))) {
          if (destroyed) return;
          const { at: _, ...prompt } = pp.prompt;
          void jobs
            .ask(
              {
                ...(prompt as Partial<PromptConfig>),
                interactionId: pp.interactionId,
                required: true,
              },
              true,
            )
            .catch(fail);
        }
      }
      if (!destroyed) for (const p of fromServer) void jobs.ask(p).catch(fail);
    } catch (e) {
      fail(e);
    }
  };
  void resume();

  return {
    get client() {
      return client();
    },
    ask: (prompt) => jobs.ask(prompt),
    identify(user) {
      client().identify(user);
      // A signed-in rater may owe ratings asked for elsewhere: ask them here too, also when the
      // sign-in comes after start. Without a rater token fetchOwed asks nothing.
      if (user?.id) {
        (o.owed ?? fetchOwed)(client())
          .then((owed) => {
            for (const p of owed) if (!destroyed) void jobs.ask(p).catch(fail);
          })
          .catch(fail);
      }
    },
    async expect(prompt) {
      validatePrompt(prompt);
      await expectPrompt(client(), prompt);
    },
    on: events.on,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      jobs.stop();
      view.destroy();
      host.remove();
      for (const c of cleanups) c();
      events.clear();
      if (ownClient) made?.destroy();
    },
  };
}
