import type { Scale } from '@raaye/protocol';

// The read side's types are the contract's, declared once in @raaye/protocol.
export type {
  DeliveriesPage,
  DeliveryAttempt,
  DeliveryRecord,
  DeliveryState,
  DestinationView,
  RatingFilter,
  ReplayInput,
  Reply,
  ScaleStats,
  Stats,
  StoredRating,
} from '@raaye/protocol';

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
