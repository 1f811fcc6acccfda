import { LIMITS, type Source, TIME_WINDOW } from '@raaye/protocol';
import { createAgeClock } from './clock/age-clock';
import { RaayeError } from './errors/RaayeError';
import { createEmitter } from './events/emitter';
import { createFlusher } from './flush/flusher';
import { createScheduler } from './flush/scheduler';
import { createSenderLock, defaultLocks } from './flush/sender-lock';
import { uuidv7 } from './id/uuidv7';
import { createRater } from './identity/rater';
import { watchLifecycle } from './lifecycle';
import { createAsking } from './prompts/asking';
import { createPendingPrompts } from './prompts/pending-prompts';
import { createRecontact } from './prompts/recontact';
import { createDurableQueue } from './queue/durable-queue';
import { selectStorage } from './storage/select-storage';
import { createStorageHandle } from './storage/storage-handle';
import { sendBeacon } from './transport/beacon';
import { fetchTransport } from './transport/fetch-transport';
import type { ClientEvents, ClientOptions, RaayeClient, Rating } from './types';
import { validateOptions } from './validate/options';
import { checkRating, checkText, validateRating } from './validate/rating';

/** Whether `fetch` can outlive the page (`keepalive`); where not, `pagehide` uses sendBeacon. */
const keepaliveFetch = () =>
  typeof fetch === 'function' && typeof Request === 'function' && 'keepalive' in Request.prototype;

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
  // Without trailing slashes, once: paths (`/v1/ratings`, `/v1/owed`) are appended to it.
  const endpoint = o.endpoint.replace(/\/+$/, '');
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

  const store = createStorageHandle(selectStorage(o.storage, namespace), (kind, reason) =>
    events.emit('storage', {
      kind,
      durable: kind === 'indexeddb' || kind === 'custom',
      ...(reason ? { reason } : {}),
    }),
  );
  const rater = createRater(store, o.user);
  const maxAgeMs = o.queue?.maxAgeMs ?? TIME_WINDOW.defaultQueueAgeMs;
  const clock = createAgeClock(store, maxAgeMs);
  const queue = createDurableQueue(store, clock, {
    maxItems: o.queue?.maxItems ?? 1000,
    maxBytes: o.queue?.maxBytes ?? 2 * 1024 * 1024,
    maxAgeMs,
    onDrop: (id, reason) => events.emit('dropped', { id, reason }),
  });
  const timeoutMs = o.timeoutMs ?? 10_000;
  const flusher = createFlusher(
    {
      endpoint,
      siteKey: o.siteKey,
      baseMs: o.retry?.baseMs ?? 1000,
      capMs: o.retry?.capMs ?? 300_000,
      transport: o.transport ?? fetchTransport(timeoutMs),
      trustBareSuccess: o.transport !== undefined,
      beacon: o.transport || keepaliveFetch() ? undefined : sendBeacon,
    },
    queue,
    store,
    events,
  );
  const scheduler = createScheduler(
    store,
    flusher,
    queue,
    createSenderLock(
      `${namespace}:sender:${o.endpoint}`,
      store,
      o.locks === undefined ? defaultLocks() : o.locks,
      timeoutMs * 2 + 5000,
    ),
    o.flushIntervalMs ?? 15_000,
    report,
  );
  const prompts = createPendingPrompts(store, clock);
  const recontact = createRecontact(store, o.recontact);
  const asking = createAsking(rater, prompts, recontact, report);

  const stopLifecycle = watchLifecycle({
    online: () => scheduler.schedule(1000 + Math.random() * 1000),
    resumed: () => scheduler.schedule(0),
    // Synchronous: the document may be gone before any storage read returns.
    hidden: () => flusher.unload(),
  });
  scheduler.schedule(0);

  let destroyed = false;
  const guard = () => {
    if (destroyed)
      throw new RaayeError(
        'destroyed',
        'This client was destroyed; create a new one with createClient().',
      );
  };

  return {
    options: { siteKey: o.siteKey, endpoint, source },

    async rate(input) {
      guard();
      const valid = validateRating(input);
      const raterId = await rater.id();
      if (await recontact.isRated(raterId, valid.interactionId)) {
        throw new RaayeError(
          'already_rated',
          `rate(): ${raterId} already rated interaction ${valid.interactionId}; only the first rating counts. Use shouldAsk() before asking.`,
          { path: 'interactionId' },
        );
      }
      const user = rater.user;
      // A prompt's own token (bound to its interaction) before the rater's.
      const token = valid.token ?? rater.token;
      const rating: Rating = checkRating({
        ...valid,
        id: uuidv7(),
        raterId,
        source,
        channel: valid.channel ?? 'api',
        createdAt: new Date().toISOString(),
        ...(user ? { user } : {}),
        ...(token ? { token } : {}),
      });
      await queue.add(rating);
      asking.ratedHere.add(valid.interactionId);
      await Promise.all([
        recontact.markRated(raterId, valid.interactionId),
        prompts.resolve(valid.interactionId),
      ]);
      events.emit('queued', { rating });
      scheduler.schedule(0);
      return rating;
    },

    flush: scheduler.flush,

    async expect(input) {
      guard();
      const pending = await prompts.expect(input);
      if (await recontact.isRated(await rater.id(), pending.interactionId)) {
        await prompts.resolve(pending.interactionId);
        throw new RaayeError(
          'already_rated',
          `expect(): interaction ${pending.interactionId} is already rated.`,
          { path: 'interactionId' },
        );
      }
      return pending;
    },

    pending: () => prompts.list(),

    async resolve(interactionId) {
      checkText(interactionId, 'interactionId', LIMITS.interactionId, true);
      await prompts.resolve(interactionId);
    },

    shouldAsk: asking.shouldAsk,

    offer(input) {
      guard();
      return asking.offer(input);
    },

    async noteAsked(interactionId) {
      checkText(interactionId, 'interactionId', LIMITS.interactionId, true);
      await recontact.noteAsked();
    },

    identify: rater.identify,

    raterId: rater.id,

    raterToken: () => rater.token,

    async queued() {
      return (await queue.list()).map((record) => record.rating);
    },

    async storage() {
      await store.ready;
      return store.kind;
    },

    on: events.on,

    destroy() {
      destroyed = true;
      stopLifecycle();
      flusher.stop();
      events.clear();
      // After the aborted send has let go of its lease, so the next client need not wait for it
      // to expire; close() itself waits for open transactions to finish.
      scheduler
        .stop()
        .then(() => store.close())
        .catch(() => {});
    },
  };
}
