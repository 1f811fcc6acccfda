import { RaayeError } from '../errors/RaayeError';
import type { DropReason, KeyValueStore, Rating } from '../types';
import { jsonBytes } from '../validate/json-bytes';
import { type DeadLetter, type QueueRecord, RECORD_VERSION, readRecord } from './record';

const QUEUE = 'q:';
const DEAD = 'd:';
const MAX_DEAD_LETTERS = 100;

export interface QueueConfig {
  maxItems: number;
  maxBytes: number;
  maxAgeMs: number;
  onDrop: (id: string, reason: DropReason) => void;
}

/**
 * The durable queue: one storage key per rating, so tabs never overwrite each other's queue
 * (unlike whole-queue blobs rewritten on every change). A rating leaves it only when the collector
 * acknowledged it, rejected it for good (→ dead letters), or it expired — each with an event.
 */
export function createDurableQueue(store: () => KeyValueStore, config: QueueConfig) {
  // Usage as of the last full read, so `add` (the hot path of rate()) need not scan the queue.
  // Other tabs' additions are not counted until the next read: limits can be overshot by what
  // other tabs queued in between, never silently undershot.
  let usage: { count: number; bytes: number } | undefined;

  const list = async (): Promise<QueueRecord[]> => {
    const now = Date.now();
    const records: QueueRecord[] = [];
    const expired: string[] = [];
    for (const [key, value] of await store().entries<QueueRecord>(QUEUE)) {
      const record = readRecord(value);
      if (!record) continue;
      if (now - record.queuedAt > config.maxAgeMs) expired.push(key);
      else records.push(record);
    }
    if (expired.length) {
      await store().del(expired);
      for (const key of expired) config.onDrop(key.slice(QUEUE.length), 'expired');
    }
    usage = { count: records.length, bytes: records.reduce((sum, r) => sum + r.bytes, 0) };
    // Oldest first; UUIDv7 ids break ties in creation order.
    return records.sort((a, b) => a.queuedAt - b.queuedAt || (a.rating.id < b.rating.id ? -1 : 1));
  };

  return {
    list,

    /** How many ratings wait: from the running count when there is one, else by reading. */
    async count(): Promise<number> {
      if (!usage) await list();
      return usage?.count ?? 0;
    },

    /** Resolves once the rating is durable in storage. Rejects with `queue_full` at a limit. */
    async add(rating: Rating): Promise<void> {
      const bytes = jsonBytes(rating);
      const fits = () =>
        usage && usage.count < config.maxItems && usage.bytes + bytes <= config.maxBytes;
      if (!fits()) await list();
      if (!fits() || !usage) {
        config.onDrop(rating.id, 'full');
        throw new RaayeError(
          'queue_full',
          `rate(): the offline queue is full (${usage?.count} ratings, ${usage?.bytes} bytes). It empties once the collector is reachable; raise queue.maxItems/maxBytes to hold more.`,
        );
      }
      const record: QueueRecord = { v: RECORD_VERSION, rating, bytes, queuedAt: Date.now() };
      const counted = usage;
      await store().set(QUEUE + rating.id, record);
      // Only if no removal reset the count meanwhile (the next read recounts anyway).
      if (usage === counted) {
        counted.count++;
        counted.bytes += bytes;
      }
    },

    async remove(ids: readonly string[]): Promise<void> {
      if (!ids.length) return;
      usage = undefined;
      await store().del(ids.map((id) => QUEUE + id));
    },

    /** Moves ratings the collector refused for good out of the way, so they never loop. */
    async deadLetter(ratings: readonly Rating[], reason: string, status?: number): Promise<void> {
      const at = Date.now();
      for (const rating of ratings) {
        const letter: DeadLetter = {
          v: RECORD_VERSION,
          rating,
          reason,
          at,
          ...(status ? { status } : {}),
        };
        await store().set(DEAD + rating.id, letter);
      }
      await this.remove(ratings.map((r) => r.id));
      const letters = await store().entries<DeadLetter>(DEAD);
      if (letters.length > MAX_DEAD_LETTERS) {
        const oldest = letters
          .sort((a, b) => a[1].at - b[1].at)
          .slice(0, letters.length - MAX_DEAD_LETTERS);
        await store().del(oldest.map(([key]) => key));
        for (const [key] of oldest) config.onDrop(key.slice(DEAD.length), 'dead_letter_full');
      }
    },
  };
}

export type DurableQueue = ReturnType<typeof createDurableQueue>;
