import type { EmitEvents } from '../inbox/events';
import { enqueueEvents } from './enqueue';
import type { DeliveryWorker } from './worker';

/**
 * The inbox's `EmitEvents` on the outbox: events are written in the caller's transaction. The
 * worker is nudged on the next turn of the event loop, usually after the commit; if it looks too
 * early it finds the events on its next poll (`delivery.pollMs`).
 */
export function outboxEmit(worker: DeliveryWorker): EmitEvents {
  return async (tx, siteId, events, at) => {
    await enqueueEvents(tx, siteId, events, at);
    setTimeout(() => worker.kick(), 20).unref();
  };
}
