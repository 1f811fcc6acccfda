import { LIMITS, type RaterUser, type Source, TIME_WINDOW } from '@raaye/protocol';
import { RaayeError } from './errors/RaayeError';
import { createEmitter } from './events/emitter';
import { createFlusher } from './flush/flusher';
import { createSenderLock, defaultLocks } from './flush/sender-lock';
import { uuidv7 } from './id/uuidv7';
import { watchLifecycle } from './lifecycle';
import { createPendingPrompts } from './prompts/pending-prompts';
import { createRecontact } from './prompts/recontact';
import { createDurableQueue } from './queue/durable-queue';
import { degradingStore } from './storage/degrading-store';
import { selectStorage } from './storage/select-storage';
import { sendBeacon } from './transport/beacon';
import { fetchTransport } from './transport/fetch-transport';
import type { ClientEvents, ClientOptions, KeyValueStore, RaayeClient, Rating } from './types';
import { validateOptions } from './validate/options';
import { checkJson, checkRating, checkText, validateRating } from './validate/rating';

const ANON_KEY = 'm:anon';

function validateUser(user: RaterUser | null | undefined, caller: string): RaterUser | undefined {
  if (user === null || user === undefined) return undefined;
  const error = (path: string, message: string) =>
    new RaayeError('invalid_option', `${caller}: ${path} ${message}`, { path });
  if (user.id !== undefined) checkText(user.id, 'user.id', LIMITS.raterId, true, 1, error);
  if (user.traits !== undefined) checkJson(user.traits, 'user.traits', LIMITS.traitsBytes, error);
  return user;
}

/**
 * Creates a Raaye client. Throws a `RaayeError` (code `invalid_option`) for a wrong option; never
 * throws from background work (sending, timers, page lifecycle): that is reported via `on('error')`.
 *
 * @example
 * const raaye = createClient({ siteKey: 'pk_live_123', endpoint: 'https://ratings.example.com' });
 * await raaye.rate({ interactionId: 'ride-42', scale: 'stars5', score: 5 });
 */
export function createClient(options: ClientOptions): RaayeClient {
  const o = validateOptions(options);
  let user = validateUser(o.user, 'createClient()');
  const namespace = o.namespace ?? 'raaye';
  const source: Source = o.source ?? (typeof window === 'undefined' ? 'node' : 'web');
  const events = createEmitter<ClientEvents>();
  const report = (error: unknown) =>
    events.emit(
      'error',
      error instanceof RaayeError
        ? error
        : new RaayeError('storage_failed', `Background work failed: ${String(error)}`, {
            cause: error,
          }),
    );

  // Assigned once storage is chosen; every use awaits `ready` first.
  let store!: () => KeyValueStore;
  const ready = selectStorage(o.storage, namespace).then(({ store: chosen, reason }) => {
    store = degradingStore(chosen, (why) =>
      events.emit('storage', { kind: 'memory', reason: why }),
    );
    // Deferred so listeners attached right after createClient() still hear the choice.
    setTimeout(
      () => events.emit('storage', { kind: chosen.kind, ...(reason ? { reason } : {}) }),
      0,
    );
  });

  const storeRef = () => store();
  const queue = createDurableQueue(storeRef, {
    maxItems: o.queue?.maxItems ?? 1000,
    maxBytes: o.queue?.maxBytes ?? 2 * 1024 * 1024,
    maxAgeMs: o.queue?.maxAgeMs ?? TIME_WINDOW.defaultQueueAgeMs,
    onDrop: (id, reason) => events.emit('dropped', { id, reason }),
  });
  const timeoutMs = o.timeoutMs ?? 10_000;
  const flusher = createFlusher(
    {
      endpoint: o.endpoint,
      siteKey: o.siteKey,
      baseMs: o.retry?.baseMs ?? 1000,
      capMs: o.retry?.capMs ?? 300_000,
      transport: o.transport ?? fetchTransport(timeoutMs),
      trustBareSuccess: o.transport !== undefined,
    },
    queue,
    storeRef,
    events,
  );
  const withSenderLock = createSenderLock(
    `${namespace}:sender:${o.endpoint}`,
    storeRef,
    o.locks === undefined ? defaultLocks() : o.locks,
    timeoutMs * 2 + 5000,
  );
  const prompts = createPendingPrompts(storeRef);
  const recontact = createRecontact(storeRef, o.recontact);
  const flushIntervalMs = o.flushIntervalMs ?? 15_000;

  let destroyed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<{ sent: number; remaining: number }> | undefined;

  /** One timer at most, and none while the queue is empty (no polling on idle pages). */
  const schedule = (delayMs: number) => {
    if (destroyed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(report), Math.max(0, delayMs));
  };

  const flush = async () => {
    if (destroyed) return { sent: 0, remaining: 0 };
    if (inFlight) return inFlight;
    inFlight = (async () => {
      await ready;
      const result = (await withSenderLock(flusher.run)) ?? {
        sent: 0,
        remaining: await queue.count(),
      };
      if (result.remaining > 0) {
        // Backing off: retry when the backoff ends. Otherwise (offline, another tab sending):
        // look again after the interval.
        const backoffMs = flusher.waitUntil() - Date.now();
        schedule(backoffMs > 0 ? backoffMs : flushIntervalMs);
      }
      return result;
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  // Memoised: concurrent first calls must agree on one id. `update` keeps an id that another tab
  // wrote first.
  let anonymous: Promise<string> | undefined;
  const anonymousId = () => {
    anonymous ??= store()
      .update<string>(ANON_KEY, (existing) => existing ?? `anon_${uuidv7()}`)
      .then((id) => id as string);
    return anonymous;
  };
  const raterId = async () => {
    await ready;
    return user?.id ?? anonymousId();
  };

  const stopLifecycle = watchLifecycle({
    online: () => schedule(1000 + Math.random() * 1000),
    resumed: () => schedule(0),
    hidden: () => {
      ready.then(() => flusher.unload(sendBeacon)).catch(report);
    },
  });
  ready.then(() => schedule(0)).catch(report);

  const guard = () => {
    if (destroyed)
      throw new RaayeError(
        'destroyed',
        'This client was destroyed; create a new one with createClient().',
      );
  };

  return {
    options: { siteKey: o.siteKey, endpoint: o.endpoint, source },

    async rate(input) {
      guard();
      const valid = validateRating(input);
      const rater = await raterId();
      if (await recontact.isRated(rater, valid.interactionId)) {
        throw new RaayeError(
          'already_rated',
          `rate(): ${rater} already rated interaction ${valid.interactionId}; only the first rating counts. Use shouldAsk() before asking.`,
          { path: 'interactionId' },
        );
      }
      const rating: Rating = checkRating({
        ...valid,
        id: uuidv7(),
        raterId: rater,
        source,
        createdAt: new Date().toISOString(),
        ...(user ? { user } : {}),
      });
      await queue.add(rating);
      await Promise.all([
        recontact.markRated(rater, valid.interactionId),
        prompts.resolve(valid.interactionId),
      ]);
      events.emit('queued', { rating });
      schedule(0);
      return rating;
    },

    flush,

    async expect(input) {
      guard();
      await ready;
      const pending = await prompts.expect(input);
      if (await recontact.isRated(await raterId(), pending.interactionId)) {
        await prompts.resolve(pending.interactionId);
        throw new RaayeError(
          'already_rated',
          `expect(): interaction ${pending.interactionId} is already rated.`,
          {
            path: 'interactionId',
          },
        );
      }
      return pending;
    },

    async pending() {
      await ready;
      return prompts.list();
    },

    async resolve(interactionId) {
      checkText(interactionId, 'interactionId', LIMITS.interactionId, true);
      await ready;
      await prompts.resolve(interactionId);
    },

    async shouldAsk(interactionId) {
      await ready;
      checkText(interactionId, 'interactionId', LIMITS.interactionId, true);
      const rater = await raterId();
      // Three independent reads at once: this sits between a page event and the prompt showing.
      const [rated, pending, decision] = await Promise.all([
        recontact.isRated(rater, interactionId),
        prompts.get(interactionId),
        recontact.decide(rater, interactionId),
      ]);
      if (rated) return { ask: false, reason: 'already_rated' };
      return pending ? { ask: true, reason: 'pending' } : decision;
    },

    async noteAsked(interactionId) {
      await ready;
      checkText(interactionId, 'interactionId', LIMITS.interactionId, true);
      await recontact.noteAsked();
    },

    identify(next) {
      user = validateUser(next, 'identify()');
    },

    raterId,

    async queued() {
      await ready;
      return (await queue.list()).map((record) => record.rating);
    },

    async storage() {
      await ready;
      return store().kind;
    },

    on: events.on,

    destroy() {
      destroyed = true;
      clearTimeout(timer);
      stopLifecycle();
      flusher.stop();
      events.clear();
      // After the aborted send has let go of its lease, so the next client need not wait for it
      // to expire; close() itself waits for open transactions to finish.
      ready
        .then(() => inFlight)
        .catch(() => {})
        .then(() => store().close?.())
        .catch(() => {});
    },
  };
}
