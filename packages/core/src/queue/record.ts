import type { Rating } from '../types';

/**
 * Schema version of queue records. A newer SDK in another tab may write records this one does
 * not understand: those are left untouched (never deleted) so the newer SDK can send them.
 */
export const RECORD_VERSION = 1;

export interface QueueRecord {
  v: number;
  rating: Rating;
  /** UTF-8 bytes of the serialized rating, for the byte budget and batch sizing. */
  bytes: number;
  /** Epoch ms (device clock) when it entered the queue, for the maximum age. */
  queuedAt: number;
  /**
   * The age clock's reading when it entered the queue: the second signal, so a wrong device
   * clock alone never expires a rating. Absent in records written before it existed.
   */
  mono?: number;
}

export interface DeadLetter {
  v: number;
  rating: Rating;
  reason: string;
  status?: number;
  at: number;
}

/** Upcasts older records to the current version; returns undefined for newer, unknown versions. */
export function readRecord(value: unknown): QueueRecord | undefined {
  const record = value as QueueRecord | undefined;
  if (!record || typeof record.v !== 'number' || record.v > RECORD_VERSION) return undefined;
  // v1 is the first version; future upcasters go here, oldest first.
  return record;
}
