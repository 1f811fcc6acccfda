import { LIMITS, RATINGS_PATH } from '../contract';
import type { Emitter } from '../events/emitter';
import type { DurableQueue } from '../queue/durable-queue';
import type { QueueRecord } from '../queue/record';
import type {
  ClientEvents,
  FlushResult,
  KeyValueStore,
  Rating,
  Transport,
  TransportResponse,
} from '../types';
import { backoffDelay, classify, parseRetryAfter } from './backoff';

/** Bytes kept free for the envelope around the ratings. */
const ENVELOPE_BYTES = 256;
/** keepalive requests share a 64 KiB in-flight budget with every other script on the page. */
const KEEPALIVE_BYTES = 48 * 1024;
const BACKOFF_KEY = 'm:backoff';

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
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
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
  store: () => KeyValueStore,
  events: Emitter<ClientEvents>,
) {
  const url = config.endpoint.replace(/\/+$/, '') + RATINGS_PATH;
  let backoff: BackoffState = { attempt: 0, until: 0 };
  let loaded = false;
  const abort = new AbortController();

  const envelope = (ratings: readonly Rating[]) =>
    JSON.stringify({ siteKey: config.siteKey, sentAt: new Date().toISOString(), ratings });

  const saveBackoff = async (next: BackoffState) => {
    backoff = next;
    await store().set(BACKOFF_KEY, next);
  };

  const fail = async (retryAfter?: string | null) => {
    const attempt = backoff.attempt + 1;
    const waitMs = Math.max(
      backoffDelay(attempt, config.baseMs, config.capMs),
      parseRetryAfter(retryAfter) ?? 0,
    );
    await saveBackoff({ attempt, until: Date.now() + waitMs });
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
      return await config.transport({
        url,
        body,
        ratings: batch,
        keepalive: keepalive || utf8Bytes(body) <= KEEPALIVE_BYTES,
        signal: abort.signal,
      });
    } catch {
      // Network error or timeout: the rating stays queued. Offline failures cost no attempt.
      return undefined;
    }
  };

  /** One sending pass, run while holding the sender lock. */
  const run = async (renew: () => Promise<boolean>): Promise<FlushResult> => {
    if (!loaded) {
      backoff = (await store().get<BackoffState>(BACKOFF_KEY)) ?? backoff;
      loaded = true;
    }
    let sent = 0;
    let maxCount: number = LIMITS.batchRatings;
    for (;;) {
      // Checked before reading the queue: while offline or backing off, every rate() triggers a
      // flush, and a full read each time would make a long offline queue quadratic.
      if (Date.now() < backoff.until || isOffline() || abort.signal.aborted) {
        return { sent, remaining: await queue.count() };
      }
      const records = await queue.list();
      const remaining = { sent, remaining: records.length };
      if (!records.length) return remaining;
      if (!(await renew())) return remaining;
      const batch = takeBatch(records, maxCount, LIMITS.batchBytes);
      const response = await send(batch, false);
      if (!response) {
        if (!isOffline()) await fail();
        return remaining;
      }
      const outcome = classify(response.status);
      if (outcome === 'results') {
        const settled = await applyResults(batch, response);
        sent += settled;
        if (settled === 0) {
          // A 2xx that settled nothing (e.g. a proxy answering 200 without results) must not loop.
          await fail(response.retryAfter);
          return { sent, remaining: records.length };
        }
        if (backoff.attempt) await saveBackoff({ attempt: 0, until: 0 });
      } else if (outcome === 'retry') {
        await fail(response.retryAfter);
        return remaining;
      } else if (outcome === 'split' && batch.length > 1) {
        maxCount = Math.ceil(batch.length / 2);
      } else {
        const reason =
          outcome === 'split'
            ? 'a single rating is larger than the collector accepts (413)'
            : `the collector refused the batch with HTTP ${response.status}`;
        await queue.deadLetter(batch, reason, response.status);
        events.emit('rejected', { ratings: batch, reason, status: response.status });
      }
    }
  };

  return {
    run,
    /** Epoch ms before which no request may be made (backoff or Retry-After). */
    waitUntil: () => backoff.until,
    /** Best-effort send while the page goes away; the ratings stay queued until confirmed. */
    async unload(beacon: (url: string, body: string) => boolean): Promise<void> {
      if (Date.now() < backoff.until || isOffline()) return;
      const batch = takeBatch(await queue.list(), LIMITS.batchRatings, KEEPALIVE_BYTES);
      if (!batch.length) return;
      if (config.trustBareSuccess) {
        const response = await send(batch, true);
        if (response && classify(response.status) === 'results')
          await applyResults(batch, response);
      } else {
        beacon(url, envelope(batch));
      }
    },
    /** Cancels the request in flight (destroy). */
    stop: () => abort.abort(),
  };
}

export type Flusher = ReturnType<typeof createFlusher>;
