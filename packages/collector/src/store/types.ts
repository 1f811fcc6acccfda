import type { OwedRecord, RatingFilter, Stats, StoredRating } from '@raaye/protocol';

export type { OwedRecord, RatingFilter };

/**
 * A validated rating as the collector writes it: the read side's `StoredRating` (from
 * `@raaye/protocol`) before anyone replied. `eventTime`/`clockSuspect` come from `eventTimeOf`,
 * `low` from `isLowScore`.
 */
export type NewRating = Omit<StoredRating, 'repliedAt' | 'repliedBy' | 'replyNote'>;

/** A stored rating with its insertion sequence, the export cursor (never sent to clients). */
export interface StoredRow extends StoredRating {
  seq: string;
}

/** `GET /v1/stats` without the echo of site and filter the route adds. */
export type StoreStats = Omit<Stats, 'site' | 'filter'>;

/** A debt to record (`POST /v1/owed`, after defaults): the record before it is settled. */
export type NewOwed = Omit<OwedRecord, 'settledAt'>;

export interface Store {
  /** Creates or upgrades the schema; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /**
   * Inserts in one transaction and returns the ids actually inserted; the rest were duplicates
   * (same id, or same rater and interaction). Also settles what those raters owed.
   * Resolves only after the commit.
   */
  insertRatings(siteId: string, ratings: NewRating[]): Promise<Set<string>>;
  stats(siteId: string, filter: RatingFilter): Promise<StoreStats>;
  /** Up to `limit` ratings with `seq` after `afterSeq`, in `seq` order. */
  listRatings(
    siteId: string,
    filter: RatingFilter,
    afterSeq: string,
    limit: number,
  ): Promise<StoredRow[]>;
  /**
   * Where a page of at most `limit` ratings after `afterSeq` ends, found before streaming it so
   * the next cursor can go in a header. `more` is true when ratings follow that page.
   */
  pageEnd(
    siteId: string,
    filter: RatingFilter,
    afterSeq: string,
    limit: number,
  ): Promise<{ lastSeq: string | null; more: boolean }>;
  /** Low ratings with no reply yet, oldest first, after `afterSeq`. */
  listFollowUps(siteId: string, afterSeq: string, limit: number): Promise<StoredRow[]>;
  /** False when there is no such low rating. */
  markReplied(
    siteId: string,
    id: string,
    by: string,
    note: string | null,
    at: string,
  ): Promise<boolean>;
  /** Records a debt; settled at once if the rater already rated the interaction. */
  addOwed(siteId: string, owed: NewOwed): Promise<OwedRecord>;
  listOwed(siteId: string, raterId: string, now: string): Promise<OwedRecord[]>;
  eraseRater(siteId: string, raterId: string): Promise<{ ratings: number; owed: number }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
