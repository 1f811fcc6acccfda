import type { AgeClock } from '../clock/age-clock';
import { RaayeError } from '../errors/RaayeError';
import type { StorageHandle } from '../storage/storage-handle';
import type { DropReason, Rating } from '../types';
import { jsonBytes } from '../validate/json-bytes';
import { type DeadLetter, type QueueRecord, RECORD_VERSION, readRecord } from './record';

const QUEUE = 'q:';
const DEAD = 'd:';
const MAX_DEAD_LETTERS = 100;
/** Records kept in memory for `pagehide`: two full batches is more than one beacon can carry. */
const MAX_KNOWN = 200;

export interface QueueConfig {
  maxItems: number;
  maxBytes: number;
  maxAgeMs: number;
  onDrop: (id: string, reason: DropReason) => void;
}

/**
 * The durable queue: one storage key per rating (`q:` + its UUIDv7 id, so key order is creation
 * order), so tabs never overwrite each other's queue. A rating leaves it only when the collector
 * acknowledged it, rejected it for good (→ dead letters), or it expired — each with an event.
 */
export function createDurableQueue(store: StorageHandle, clock: AgeClock, config: QueueConfig) {
  // Usage as of the last full read, kept up to date by this tab's adds and removes, so `add` (the
  // hot path of rate()) need not scan the queue. Other tabs' additions are not counted until the
  // next read: limits can be overshot by what other tabs queued, never silently undershot.
  let usage: { count: number; bytes: number } | undefined;
  // The oldest records this tab knows to be queued, in step with its adds, reads and removes:
  // what `pagehide` sends without a storage read (the document may be gone before one returns).
  const known = new Map<string, QueueRecord>();
  const remember = (record: QueueRecord) => {
    known.set(record.rating.id, record);
    if (known.size > MAX_KNOWN) known.delete([...known.keys()].sort().pop() as string);
  };

  /** Drops expired records; age needs both the device clock and the age clock to agree. */
  const live = async (entries: Array<[string, unknown]>): Promise<QueueRecord[]> => {
    const now = Date.now();
    const mono = await clock();
    const records: QueueRecord[] = [];
    const expired: string[] = [];
    for (const [key, value] of entries) {
      const record = readRecord(value);
      if (!record) continue;
      if (now - record.queuedAt > config.maxAgeMs && mono - (record.mono ?? 0) > config.maxAgeMs)
        expired.push(key);
      else records.push(record);
    }
    if (expired.length) {
      await store.del(expired);
      for (const key of expired) {
        const id = key.slice(QUEUE.length);
        known.delete(id);
        config.onDrop(id, 'expired');
      }
    }
    return records;
  };

  const list = async (): Promise<QueueRecord[]> => {
    const records = await live(await store.entries(QUEUE));
    usage = { count: records.length, bytes: records.reduce((sum, r) => sum + r.bytes, 0) };
    return records.sort((a, b) => (a.rating.id < b.rating.id ? -1 : 1));
  };

  return {
    list,

    /** The oldest `limit` ratings, reading only those (key range + limit). */
    async head(limit: number): Promise<QueueRecord[]> {
      const records = await live(await store.head(QUEUE, limit));
      for (const record of records) remember(record);
      return records;
    },

    /** The oldest ratings this tab knows are queued, without touching storage. */
    inMemory: (): QueueRecord[] =>
      [...known.values()].sort((a, b) => (a.rating.id < b.rating.id ? -1 : 1)),

    /**
     * How many ratings wait: the running count when there is one (IndexedDB's count() walks the
     * range, and this is asked after every rate() while offline), else counted in storage.
     */
    count: async (): Promise<number> => usage?.count ?? store.count(QUEUE),

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
          `rate(): the offline queue is full (${usage?.count} ratings, ${usage?.bytes} bytes); raise queue.maxItems/maxBytes to hold more.`,
        );
      }
      const record: QueueRecord = {
        v: RECORD_VERSION,
        rating,
        bytes,
        queuedAt: Date.now(),
        mono: await clock(),
      };
      const counted = usage;
      await store.set(QUEUE + rating.id, record);
      remember(record);
      // Only if no full read replaced the count meanwhile (that read counted it already or not).
      if (usage === counted) {
        counted.count++;
        counted.bytes += bytes;
      }
    },

    async remove(ids: readonly string[]): Promise<void> {
      if (!ids.length) return;
      for (const id of ids) {
        const record = known.get(id);
        // An id this tab never saw (another tab's): the running count is unknown until re-read.
        if (record && usage) {
          usage.count--;
          usage.bytes -= record.bytes;
        } else usage = undefined;
        known.delete(id);
      }
      await store.del(ids.map((id) => QUEUE + id));
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
        await store.set(DEAD + rating.id, letter);
      }
      await this.remove(ratings.map((r) => r.id));
      const excess = (await store.count(DEAD)) - MAX_DEAD_LETTERS;
      if (excess > 0) {
        // Oldest ratings first (key order), reading only those.
        const oldest = (await store.head(DEAD, excess)).map(([key]) => key);
        await store.del(oldest);
        for (const key of oldest) config.onDrop(key.slice(DEAD.length), 'dead_letter_full');
      }
    },
  };
}

export type DurableQueue = ReturnType<typeof createDurableQueue>;
