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
  /** Where it was given (`widget`, `email`, `sms`, `api`); null from SDKs older than contract 1.1. */
  channel: 'widget' | 'email' | 'sms' | 'api' | null;
  deviceCreatedAt: string;
  sentAt: string;
  receivedAt: string;
  /** Device time corrected for clock skew; what stats and the SLA use. */
  eventTime: string;
  low: boolean;
  repliedAt: string | null;
  repliedBy: string | null;
  replyNote: string | null;
}

export interface Reply {
  id: string;
  repliedAt: string;
  repliedBy: string;
  replyNote: string | null;
}
