import type { DeliveryRecord, DeliveryState } from '@raaye/protocol';

// The read side's shapes are the contract's (@raaye/protocol); re-exported for the store's users.
export type { DeliveryAttempt, DeliveryRecord, DeliveryState } from '@raaye/protocol';

/** An event not yet fanned out to destinations. */
export interface PendingEvent {
  seq: string;
  siteId: string;
  type: string;
  data: Record<string, unknown>;
}

/** A delivery a worker has claimed: it owns it until `settle`, `release` or the lease runs out. */
export interface ClaimedDelivery {
  id: string;
  claim: string;
  /** When it was due before the claim: a release puts it back in its place in the queue. */
  dueAt: string;
  siteId: string;
  destination: string;
  /** Including the attempt about to be made. */
  attempts: number;
  /** When the delivery was created (or last replayed); its age decides the dead letter. */
  createdAt: string;
  event: { id: string; type: string; data: Record<string, unknown>; createdAt: string };
}

/** The free slots a worker wants filled: per destination, and in all. */
export interface ClaimRequest {
  wanted: ReadonlyArray<{ siteId: string; destination: string; limit: number }>;
  total: number;
  leaseMs: number;
}

/** What one attempt came to, and what happens next. */
export interface AttemptOutcome {
  /** `pending` to retry at `dueAt`. */
  state: DeliveryState;
  dueAt: string;
  at: string;
  /** HTTP status, or null (network error, timeout, SMTP). */
  status: number | null;
  error: string | null;
  latencyMs: number;
}

export interface DestinationState {
  siteId: string;
  destination: string;
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
}

export interface DeliveryQuery {
  destination?: string;
  state?: DeliveryState;
  /** Newest first: only rows with a smaller id (the cursor). */
  beforeId?: string;
  limit: number;
}

export interface ReplayQuery {
  eventId?: string;
  /** Inclusive lower bound on the event's creation time. */
  from?: string;
  /** Exclusive upper bound. */
  to?: string;
  destination?: string;
}

/** The outbox's delivery side, on the collector's own database (PGlite or PostgreSQL). */
export interface OutboxStore {
  /**
   * Takes up to `limit` events not yet fanned out, asks `route` which destinations want each,
   * and writes those deliveries (once: unique per event and destination). Several processes may
   * run it at once; rows another holds are skipped. With `claim`, then claims in the same
   * transaction, for `claim.leaseMs`, up to `limit` due deliveries of each wanted destination
   * that is not disabled and at most `claim.total` in all, longest due first (a claim is only
   * ever made this way: it and the fan-out are one turn in the store's queue).
   * Returns the number of events handled and what was claimed.
   */
  fanOut(
    limit: number,
    route: (event: PendingEvent) => string[],
    now: string,
    claim?: ClaimRequest,
  ): Promise<{ events: number; claimed: ClaimedDelivery[] }>;
  /**
   * Records an attempt and the destination's health in one statement. The failure that makes
   * `disable.failures` in a row, failing for at least `disable.ms`, also disables the destination
   * and writes a `destination.disabled` event, in that same statement: no retry it scheduled
   * can be claimed before the destination is off.
   * `settled` is false when the claim was lost (the lease ran out and another worker took over).
   */
  settle(
    delivery: ClaimedDelivery,
    outcome: AttemptOutcome,
    disable: { failures: number; ms: number },
  ): Promise<{ settled: boolean; disabled: boolean }>;
  /**
   * Gives back claimed deliveries whose attempts were cut (by a shutdown), not made: each is due
   * again when it was due before the claim, with the attempt uncounted and nothing recorded, so
   * another process redelivers it (same event id) at once instead of after the lease. A delivery
   * whose claim was lost meanwhile is left alone.
   */
  release(deliveries: readonly ClaimedDelivery[]): Promise<void>;
  destinationStates(): Promise<DestinationState[]>;
  /** Re-enables a disabled destination (and clears its failure count). */
  enableDestination(siteId: string, destination: string): Promise<void>;
  listDeliveries(siteId: string, query: DeliveryQuery): Promise<DeliveryRecord[]>;
  /** Makes matching delivered or dead deliveries due again (same event id). Returns how many. */
  replay(siteId: string, query: ReplayQuery, now: string): Promise<number>;
}
