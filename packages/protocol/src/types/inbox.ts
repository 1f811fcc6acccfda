import type { StoredRating } from './read';
import type { ActivityEntry } from './team';

export type FollowUpStatus = 'open' | 'assigned' | 'replied' | 'resolved' | 'closed';
export const FOLLOWUP_STATUSES: readonly FollowUpStatus[] = [
  'open',
  'assigned',
  'replied',
  'resolved',
  'closed',
];

/** `GET /v1/inbox` item: a low rating as the team works it — the rating, its state, its deadline. */
export interface FollowUp {
  /** The rating's id. */
  id: string;
  status: FollowUpStatus;
  assignee: { id: string; name: string; email: string } | null;
  /** The business's own tags (the rating's tags are under `rating`). */
  tags: string[];
  closeReason: string | null;
  openedAt: string;
  /** `sla.breaching` time. */
  warnAt: string;
  /** Reply target; the inbox sorts by it. */
  dueAt: string;
  firstReplyAt: string | null;
  resolvedAt: string | null;
  /** The rating's own fields, as stored. */
  rating: Pick<
    StoredRating,
    | 'interactionId'
    | 'interactionType'
    | 'scale'
    | 'score'
    | 'tags'
    | 'comment'
    | 'raterId'
    | 'userId'
    | 'locale'
    | 'eventTime'
  > & {
    /** `user.traits.email`: a reply goes there by e-mail. */
    contact: string | null;
  };
}

/**
 * `GET /v1/inbox/:id`. The customer's other ratings are not repeated here: ask
 * `GET /v1/ratings/search?customer=<raterId>` (paged, filterable, every field incl. `channel`).
 */
export interface FollowUpDetail {
  followUp: FollowUp;
  activity: ActivityEntry[];
}

/** Time to first reply over a set of follow-ups. */
export interface ReplyMetrics {
  /** Follow-ups opened in the period. */
  opened: number;
  /** Of those, answered. */
  replied: number;
  /** Seconds from opening to the first reply; null when nothing was answered. */
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** Share (0–1) answered by the deadline, among those answered or past it; null when none are. */
  withinTarget: number | null;
}

/** `GET /v1/inbox/metrics`: the SLA report. */
export interface SlaMetrics {
  overall: ReplyMetrics;
  /** Monday of the week (UTC), `YYYY-MM-DD`. */
  byWeek: Array<ReplyMetrics & { week: string }>;
  /** Who sent the first reply. */
  byAgent: Array<ReplyMetrics & { memberId: string; name: string }>;
}

/** Days of the week as business hours name them; in `Date#getDay()` order (Sunday first). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Hours of the week that count toward the reply target, in an IANA time zone. */
export interface BusinessHours {
  timeZone: string;
  /** Day → `HH:MM-HH:MM` local time; a day left out is closed. */
  days: Partial<Record<Weekday, string>>;
}

/** How a site's inbox behaves: `GET /v1/inbox/settings`; owners change any part with `PUT`. */
export interface InboxSettings {
  /** Time to the first reply. @default 24 */
  replyTargetHours: number;
  /** `sla.breaching` fires this long before the deadline. @default 2 */
  breachingBeforeHours: number;
  /** Only these hours count toward the target; null: every hour counts. @default null */
  businessHours: BusinessHours | null;
  assignment: {
    /** `round-robin` among agents, or leave new follow-ups unassigned. @default 'round-robin' */
    mode: 'round-robin' | 'none';
    /** Interaction type → e-mails of the members who take it (round-robin among them). */
    byType: Record<string, string[]>;
  };
  /** Local hour (business hours' zone, else UTC) of the daily digest; null: none. @default 8 */
  digestHour: number | null;
}
