import type { Scale, Source } from '@raaye/core/contract';

/** Query of `/v1/stats` and `/v1/ratings`: `from` inclusive, `to` exclusive, ISO 8601. */
export interface RatingFilter {
  from?: string;
  to?: string;
  interactionType?: string;
  scale?: Scale;
}

export interface ScaleStats {
  count: number;
  average: number;
  /** Score (as text) → number of ratings. Scores nobody gave are absent. */
  distribution: Record<string, number>;
}

/** `GET /v1/stats`, as the collector sends it. */
export interface Stats {
  site: string;
  filter: RatingFilter;
  count: number;
  /** Mean raw score; only meaningful for one scale. */
  average: number | null;
  /** Share (0–100) of 4–5 scores among the 5-point scales. */
  csat: number | null;
  /** % promoters − % detractors among `nps` ratings. */
  nps: number | null;
  byScale: Partial<Record<Scale, ScaleStats>>;
  /** UTC days with at least one rating, oldest first. */
  byDay: Array<{ day: string; count: number; average: number }>;
}

/** A stored rating as `/v1/follow-ups` and the NDJSON export send it. */
export interface StoredRating {
  id: string;
  interactionId: string;
  interactionType: string | null;
  scale: Scale;
  score: number;
  tags: string[] | null;
  comment: string | null;
  raterId: string;
  userId: string | null;
  userTraits: Record<string, unknown> | null;
  meta: Record<string, unknown> | null;
  locale: string | null;
  source: Source;
  deviceCreatedAt: string;
  sentAt: string;
  receivedAt: string;
  /** Device time corrected for clock skew; what stats and the SLA use. */
  eventTime: string;
  low: boolean;
  repliedAt: string | null;
  repliedBy: string | null;
  replyNote: string | null;
  /** How the rating came in; null for ratings stored before channels existed. */
  channel: 'widget' | 'email' | 'sms' | 'api' | null;
  /** Carried a valid rater token from the site. */
  verified: boolean;
}

export interface Reply {
  id: string;
  repliedAt: string;
  repliedBy: string;
  replyNote: string | null;
}

export type Role = 'owner' | 'agent' | 'viewer';

export interface Member {
  id: string;
  siteId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** `GET /v1/session`: who is signed in, and the token changes must carry. */
export interface Session {
  member: Member;
  site: string;
  csrf: string;
  expiresAt: string;
}

export type FollowUpStatus = 'open' | 'assigned' | 'replied' | 'resolved' | 'closed';

/** `GET /v1/inbox` item: a low rating as the team works it. */
export interface FollowUp {
  id: string;
  status: FollowUpStatus;
  assignee: { id: string; name: string; email: string } | null;
  tags: string[];
  closeReason: string | null;
  openedAt: string;
  warnAt: string;
  dueAt: string;
  firstReplyAt: string | null;
  resolvedAt: string | null;
  rating: {
    interactionId: string;
    interactionType: string | null;
    scale: Scale;
    score: number;
    tags: string[] | null;
    comment: string | null;
    raterId: string;
    userId: string | null;
    locale: string | null;
    eventTime: string;
    contact: string | null;
  };
}

export interface ActivityEntry {
  seq: string;
  ratingId: string | null;
  actor: { kind: 'member' | 'token' | 'secret' | 'system'; id: string | null; name: string };
  action: string;
  detail: Record<string, unknown> | null;
  at: string;
}

export interface OtherRating {
  id: string;
  interactionId: string;
  interactionType: string | null;
  scale: Scale;
  score: number;
  comment: string | null;
  source: string;
  eventTime: string;
}

export interface FollowUpDetail {
  followUp: FollowUp;
  activity: ActivityEntry[];
  otherRatings: OtherRating[];
}

export type FollowUpAction =
  | { action: 'assign'; assigneeId: string | null }
  | { action: 'note'; text: string }
  | { action: 'tags'; tags: string[] }
  | { action: 'reply'; message: string }
  | { action: 'resolve' }
  | { action: 'close'; reason: string }
  | { action: 'reopen' };

export interface ReplyMetrics {
  opened: number;
  replied: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  withinTarget: number | null;
}

export interface SlaMetrics {
  overall: ReplyMetrics;
  byWeek: Array<ReplyMetrics & { week: string }>;
  byAgent: Array<ReplyMetrics & { memberId: string; name: string }>;
}
