import type { OwedRecord, RatingFilter, Stats, StoredRating } from '@raaye/protocol';
import type { EventType } from '../outbox/event-types';
import type { OutboxStore } from '../outbox/outbox-types';
import type { SqlClient } from './sql-client';

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

/** A debt to record (`POST /v1/owed`, after defaults): the record before the ledger touches it. */
export type OwedInput = Pick<
  OwedRecord,
  | 'raterId'
  | 'interactionId'
  | 'interactionType'
  | 'prompt'
  | 'scale'
  | 'locale'
  | 'tags'
  | 'endedAt'
  | 'createdAt'
  | 'expiresAt'
>;

/**
 * One group of the owed ledger's coverage. `channel` / `interactionType` are `undefined` when
 * the row sums over them (SQL grouping sets), `null` when the value itself is null.
 */
export interface CoverageRow {
  state: 'answered' | 'expired' | 'cancelled' | 'open';
  /** Channel of the answer (`unspecified` for old SDKs); `null` for unanswered rows. */
  channel: string | null | undefined;
  interactionType: string | null | undefined;
  count: number;
  /** Median seconds from interaction end (or creation) to the answer; answered rows only. */
  medianSeconds: number | null;
}

/** The answer from a signed link, revised by the form on the landing page of the same visit. */
export interface LinkRevision {
  score: number;
  tags: string[] | null;
  comment: string | null;
  low: boolean;
}

export interface Store {
  /**
   * The store's own client (failures already mapped to `unavailable`), for feature modules that
   * keep their own tables in the same database (the team inbox): they share its transactions.
   * @internal
   */
  readonly sql: SqlClient;
  /** Creates or upgrades the schema; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /**
   * Inserts in one transaction and returns the ids actually inserted; the rest were duplicates
   * (same id, or same rater and interaction). A verified rating replaces an unverified one for
   * its rater and interaction. Verified ratings settle what their raters owed.
   * Resolves only after the commit.
   */
  insertRatings(
    siteId: string,
    ratings: NewRating[],
    /** Outbox events to write with them (`rating.created`, `rating.low`), when wanted. */
    events?: ReadonlySet<EventType>,
  ): Promise<Set<string>>;
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
  /** Low ratings with no reply yet, newest first, before `beforeSeq` ('0': from the newest). */
  listFollowUps(siteId: string, beforeSeq: string, limit: number): Promise<StoredRow[]>;
  /** False when there is no such low rating. */
  markReplied(
    siteId: string,
    id: string,
    by: string,
    note: string | null,
    at: string,
    /** Writes `followup.replied` with the reply when it is in this set. */
    events?: ReadonlySet<EventType>,
  ): Promise<boolean>;
  /** Records a debt; settled at once if the rater already rated the interaction. */
  addOwed(siteId: string, owed: OwedInput): Promise<OwedRecord>;
  listOwed(siteId: string, raterId: string, now: string): Promise<OwedRecord[]>;
  /** One entry of a site by id, in any state. */
  getOwed(siteId: string, id: string): Promise<OwedRecord | undefined>;
  /** Marks it cancelled (unless settled); undefined when there is no such entry. */
  cancelOwed(siteId: string, id: string, at: string): Promise<OwedRecord | undefined>;
  /**
   * Interaction ids of this rater's entries that stopped being owed (settled, cancelled,
   * expired) after `since`, so a device drops prompts it still holds for them.
   */
  closedOwed(siteId: string, raterId: string, since: string, now: string): Promise<string[]>;
  /**
   * Rewrites a link rating from the same visit (the form after the click). False when the
   * rating is not this rater's link rating for this interaction, or older than `notBefore`.
   */
  reviseLinkRating(
    siteId: string,
    ratingId: string,
    owed: { raterId: string; interactionId: string },
    revision: LinkRevision,
    notBefore: string,
    /**
     * A revision that makes the rating low writes `rating.low` (once per rating) when the set has
     * it, stamped `at`: the alert a low first answer would have raised.
     */
    outbox?: { events: ReadonlySet<EventType>; at: string },
  ): Promise<boolean>;
  /** Owed entries created in [from, to) by state × channel × interaction type. */
  coverage(siteId: string, filter: RatingFilter, now: string): Promise<CoverageRow[]>;
  /** Also deletes the rater's outbox events, which cancels their pending deliveries. */
  eraseRater(
    siteId: string,
    raterId: string,
  ): Promise<{ ratings: number; owed: number; events: number }>;
  /** The delivery side of the outbox (events are written by the methods above). */
  outbox: OutboxStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}
