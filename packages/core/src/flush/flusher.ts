import { LIMITS, RATINGS_PATH } from '../contract';
import { RaayeError } from '../errors/RaayeError';
import type { Emitter } from '../events/emitter';
import type { DurableQueue } from '../queue/durable-queue';
import type { QueueRecord } from '../queue/record';
import type { StorageHandle } from '../storage/storage-handle';
import type { ClientEvents, FlushResult, Rating, Transport, TransportResponse } from '../types';
import { backoffDelay, classify, MAX_RETRY_AFTER_MS, parseRetryAfter } from './backoff';

/** Bytes kept free for the envelope around the ratings. */
const ENVELOPE_BYTES = 256;
/** keepalive requests share a 64 KiB in-flight budget with every other script on the page. */
const KEEPALIVE_BYTES = 48 * 1024;
const BACKOFF_KEY = 'm:backoff';
/** Consecutive network failures before the site hears that the collector is unreachable. */
const UNREACHABLE_AFTER = 3;

interface BackoffState {
  attempt: number;
  until: number;
}

export interface FlusherConfig {
  endpoint: string;
  siteKey: string;
  baseMs: number;
  capMs: number;
  transport: Transport;
  /** A custom transport may answer 2xx without per-item results, meaning "all accepted". */
  trustBareSuccess: boolean;
  /** Used on `pagehide` instead of the transport when there is no keepalive fetch. */
  beacon: ((url: string, body: string) => boolean) | undefined;
}

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Takes the oldest ratings that fit one request: ≤ maxCount ratings and ≤ maxBytes of body. */
function takeBatch(records: QueueRecord[], maxCount: number, maxBytes: number): Rating[] {
  const batch: Rating[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const record of records) {
    if (batch.length >= maxCount || (batch.length && bytes + record.bytes + 1 > maxBytes)) break;
    batch.push(record.rating);
    bytes += record.bytes + 1;
  }
  return batch;
}

/**
 * Sends the durable queue in batches and applies the collector's verdict per rating: accepted and
 * duplicate leave the queue, rejected go to dead letters, everything else waits with backoff.
 * The backoff state is persisted, so a reload does not hammer a collector that asked us to wait.
 */
export function createFlusher(
  config: FlusherConfig,
  queue: DurableQueue,
  store: StorageHandle,
  events: Emitter<ClientEvents>,
) {
  const url = config.endpoint + RATINGS_PATH;
  let backoff: BackoffState = { attempt: 0, until: 0 };
  let loaded = false;
  let failures = 0;
  const abort = new AbortController();

  /**
   * How long to wait still. Nothing we set waits longer than the cap or the longest Retry-After,
   * so a longer wait means the device clock moved back since (or was ahead when it was set): the
   * wait is void instead of lasting until the clock catches up, years later.
   */
  const waitMs = () => {
    const left = backoff.until - Date.now();
    return left > 0 && left <= Math.max(config.capMs, MAX_RETRY_AFTER_MS) ? left : 0;
  };

  const envelope = (ratings: readonly Rating[]) =>
    JSON.stringify({ siteKey: config.siteKey, sentAt: new Date().toISOString(), ratings });

  const saveBackoff = async (next: BackoffState) => {
    backoff = next;
    await store.set(BACKOFF_KEY, next);
  };

  const fail = async (retryAfter?: string | null) => {
    const attempt = backoff.attempt + 1;
    const wait = Math.max(
      backoffDelay(attempt, config.baseMs, config.capMs),
      parseRetryAfter(retryAfter) ?? 0,
    );
    await saveBackoff({ attempt, until: Date.now() + wait });
  };

  /** Applies a 2xx answer; returns how many ratings left the queue. */
  const applyResults = async (batch: Rating[], response: TransportResponse): Promise<number> => {
    const byId = new Map((response.results ?? []).map((result) => [result.id, result]));
    const done: string[] = [];
    const rejected: Rating[] = [];
    for (const rating of batch) {
      const result = byId.get(rating.id);
      const status =
        result?.status ?? (response.results || !config.trustBareSuccess ? undefined : 'accepted');
      if (status === 'accepted' || status === 'duplicate') {
        done.push(rating.id);
        events.emit('sent', { id: rating.id, status });
      } else if (status === 'rejected') {
        rejected.push(rating);
        events.emit('rejected', {
          ratings: [rating],
          reason: result?.error?.message ?? 'rejected',
          status: 200,
        });
      }
    }
    await queue.remove(done);
    if (rejected.length) await queue.deadLetter(rejected, 'rejected by the collector');
    return done.length + rejected.length;
  };

  const send = async (
    batch: Rating[],
    keepalive: boolean,
  ): Promise<TransportResponse | undefined> => {
    const body = envelope(batch);
    try {
      const response = await config.transport({
        url,
        body,
        ratings: batch,
        // Only when the page goes away (`unload`). keepalive requests in flight share 64 KiB and
        // Chromium fails those past it ("Failed to fetch"): two lanes of 33 KiB each failed every
        // other request. A request cut short by navigation is what `unload` sends again.
        keepalive,
        signal: abort.signal,
      });
      failures = 0;
      return response;
    } catch (cause) {
      // Network error or timeout: the rating stays queued. A browser gives a script the same bare
      // TypeError for a CSP block, a CORS refusal and no network, so name all three, once.
      if (++failures === UNREACHABLE_AFTER && !abort.signal.aborted) {
        const error = new RaayeError(
          'collector_unreachable',
          `Cannot reach ${url}; ratings stay queued. Check CSP connect-src, CORS (allowedOrigins) and the network (offline?).`,
          { cause },
        );
        // Also on the console: the person debugging a blocked request looks there first, and a
        // page may not listen for `error`.
        console.warn(`[raaye] ${error.message}`);
        events.emit('error', error);
      }
      return undefined;
    }
  };

  /**
   * Applies the answer to one batch. Returns how many ratings it settled, or a reason to stop:
   * `retry` (with the Retry-After, if any) or `split` (a 413: the next batches are halved).
   */
  const settle = async (
    batch: Rating[],
    response: TransportResponse | undefined,
  ): Promise<number | { retry: string | null | undefined } | 'split'> => {
    if (!response) return { retry: undefined };
    const outcome = classify(response.status);
    if (outcome === 'results') {
      const settled = await applyResults(batch, response);
      // A 2xx that settled nothing (e.g. a proxy answering 200 without results) must not loop.
      return settled || { retry: response.retryAfter };
    }
    if (outcome === 'retry') return { retry: response.retryAfter };
    if (outcome === 'split' && batch.length > 1) return 'split';
    const reason =
      outcome === 'split'
        ? 'a single rating is larger than the collector accepts (413)'
        : `the collector refused the batch with HTTP ${response.status}`;
    await queue.deadLetter(batch, reason, response.status);
    events.emit('rejected', { ratings: batch, reason, status: response.status });
    return batch.length;
  };

  /**
   * One sending pass, run while holding the sender lock. Two lanes each read the head of the
   * queue (key range + limit, skipping what the other lane has in flight), send one batch and
   * apply its answer, so one lane's storage work overlaps the other's request: a long offline
   * queue drains at the network's pace instead of stopping for storage between batches.
   */
  const run = async (renew: () => Promise<boolean>): Promise<FlushResult> => {
    if (!loaded) {
      backoff = (await store.get<BackoffState>(BACKOFF_KEY)) ?? backoff;
      loaded = true;
    }
    let sent = 0;
    let maxCount: number = LIMITS.batchRatings;
    let retry: { retry: string | null | undefined; answered: boolean } | undefined;
    const sending = new Set<string>();
    const lane = async (): Promise<void> => {
      // Checked before reading the queue: while offline or backing off, every rate() triggers a
      // flush, and a read each time would add up on a long offline queue.
      while (!retry && !waitMs() && !isOffline() && !abort.signal.aborted) {
        const records = (await queue.head(2 * maxCount)).filter((r) => !sending.has(r.rating.id));
        const batch = takeBatch(records, maxCount, LIMITS.batchBytes);
        // Claimed before any await, so the other lane's read skips these.
        for (const rating of batch) sending.add(rating.id);
        if (!batch.length || !(await renew())) return;
        const response = await send(batch, false);
        const verdict = await settle(batch, response);
        // Answered ratings stay claimed for the rest of the pass: the other lane's head read may
        // have started before this batch's delete and still return it (IndexedDB orders a read
        // before a later write), which sent it twice and emitted `sent` twice. One the collector
        // asked to retry is sent in a later pass.
        if (typeof verdict !== 'number') for (const rating of batch) sending.delete(rating.id);
        if (typeof verdict === 'number') {
          sent += verdict;
          // The second lane starts once the collector has answered: while it is unreachable or
          // offline, one failing request per pass is enough.
          second ??= lane();
          if (backoff.attempt) await saveBackoff({ attempt: 0, until: 0 });
        } else if (verdict === 'split') maxCount = Math.ceil(batch.length / 2);
        else retry ??= { ...verdict, answered: !!response };
      }
    };
    let second: Promise<void> | undefined;
    await lane();
    await second;
    // Offline failures cost no attempt.
    if (retry && (retry.answered || !isOffline())) await fail(retry.retry);
    return { sent, remaining: await queue.count() };
  };

  return {
    run,
    waitMs,
    /**
     * Best-effort send while the page goes away, synchronous: from the ratings this tab holds in
     * memory, because the document may be gone before a storage read returns. A keepalive fetch
     * (no cookies) where there is one, else `sendBeacon`. The ratings stay queued until confirmed.
     */
    unload(): void {
      if (waitMs() || isOffline()) return;
      const batch = takeBatch(queue.inMemory(), LIMITS.batchRatings, KEEPALIVE_BYTES);
      if (!batch.length) return;
      if (config.beacon) {
        config.beacon(url, envelope(batch));
        return;
      }
      // If the page lives on (hidden, or kept in the back/forward cache), apply the answer.
      void send(batch, true)
        .then((response) => settle(batch, response))
        .catch(() => {});
    },
    /** Cancels the request in flight (destroy). */
    stop: () => abort.abort(),
  };
}

export type Flusher = ReturnType<typeof createFlusher>;
