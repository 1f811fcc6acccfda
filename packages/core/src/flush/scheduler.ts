import type { DurableQueue } from '../queue/durable-queue';
import type { StorageHandle } from '../storage/storage-handle';
import type { FlushResult } from '../types';
import type { Flusher } from './flusher';
import type { createSenderLock } from './sender-lock';

/**
 * When to send: now (after rate() and on start), after the backoff, or on an interval while
 * ratings wait. One timer at most, and none while the queue is empty (no polling on idle pages).
 * Concurrent flush() calls share one pass.
 */
export function createScheduler(
  store: StorageHandle,
  flusher: Flusher,
  queue: DurableQueue,
  withSenderLock: ReturnType<typeof createSenderLock>,
  intervalMs: number,
  report: (error: unknown) => void,
) {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<FlushResult> | undefined;

  const schedule = (delayMs: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush().catch(report), Math.max(0, delayMs));
  };

  const flush = (): Promise<FlushResult> => {
    if (stopped) return Promise.resolve({ sent: 0, remaining: 0 });
    inFlight ??= (async () => {
      await store.ready;
      const result = (await withSenderLock(flusher.run)) ?? {
        sent: 0,
        remaining: await queue.count(),
      };
      // Backing off: retry when the backoff ends. Otherwise (offline, another tab sending):
      // look again after the interval.
      if (result.remaining > 0) schedule(flusher.waitMs() || intervalMs);
      return result;
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    schedule,
    flush,
    /** Stops timers; resolves once the pass in flight (if any) has let go of its lease. */
    stop(): Promise<unknown> {
      stopped = true;
      clearTimeout(timer);
      return Promise.resolve(inFlight).catch(() => {});
    },
  };
}
