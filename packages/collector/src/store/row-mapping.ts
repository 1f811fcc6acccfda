import type { Scale, Source } from '@raaye/protocol';
import type { Channel } from '../channels/channel';
import type { OwedRecord, StoredRow } from './types';

/** Formats a timestamptz as ISO 8601 UTC text, so both drivers hand back identical strings. */
export const iso = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Select list for a rating; json columns come back as text and are parsed here. The aliases
 * shadow the columns in ORDER BY, so queries must order by `raaye_ratings.seq`, not `seq`.
 */
export const RATING_COLUMNS = `
  id::text AS id, seq::text AS seq, interaction_id, interaction_type, scale, score::int AS score,
  tags::text AS tags, comment, rater_id, user_id, user_traits::text AS user_traits, meta::text AS meta,
  locale, source, channel, ${iso('device_created_at')} AS device_created_at, ${iso('sent_at')} AS sent_at,
  ${iso('received_at')} AS received_at, ${iso('event_time')} AS event_time, clock_suspect, low,
  ${iso('replied_at')} AS replied_at, replied_by, reply_note, verified`;

export interface RatingRow {
  id: string;
  seq: string;
  interaction_id: string;
  interaction_type: string | null;
  scale: string;
  score: number;
  tags: string | null;
  comment: string | null;
  rater_id: string;
  user_id: string | null;
  user_traits: string | null;
  meta: string | null;
  locale: string | null;
  source: string;
  channel: string | null;
  device_created_at: string;
  sent_at: string;
  received_at: string;
  event_time: string;
  clock_suspect: boolean;
  low: boolean;
  replied_at: string | null;
  replied_by: string | null;
  reply_note: string | null;
  verified: boolean;
}

const parse = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T);

export function toStoredRating(row: RatingRow): StoredRow {
  return {
    id: row.id,
    seq: row.seq,
    interactionId: row.interaction_id,
    interactionType: row.interaction_type,
    scale: row.scale as Scale,
    score: Number(row.score),
    tags: parse<string[]>(row.tags),
    comment: row.comment,
    raterId: row.rater_id,
    userId: row.user_id,
    userTraits: parse<Record<string, unknown>>(row.user_traits),
    meta: parse<Record<string, unknown>>(row.meta),
    locale: row.locale,
    source: row.source as Source,
    channel: row.channel as Channel | null,
    deviceCreatedAt: row.device_created_at,
    sentAt: row.sent_at,
    receivedAt: row.received_at,
    eventTime: row.event_time,
    clockSuspect: row.clock_suspect,
    low: row.low,
    verified: row.verified,
    repliedAt: row.replied_at,
    repliedBy: row.replied_by,
    replyNote: row.reply_note,
  };
}

export const OWED_COLUMNS = `
  id::text AS id, rater_id, interaction_id, interaction_type, prompt, scale, locale,
  tags::text AS tags, ${iso('ended_at')} AS ended_at, ${iso('created_at')} AS created_at,
  ${iso('expires_at')} AS expires_at, ${iso('settled_at')} AS settled_at, settled_channel,
  rating_id::text AS rating_id, ${iso('cancelled_at')} AS cancelled_at`;

export interface OwedRow {
  id: string;
  rater_id: string;
  interaction_id: string;
  interaction_type: string | null;
  prompt: string | null;
  scale: string | null;
  locale: string | null;
  tags: string | null;
  ended_at: string | null;
  created_at: string;
  expires_at: string;
  settled_at: string | null;
  settled_channel: string | null;
  rating_id: string | null;
  cancelled_at: string | null;
}

export function toOwedRecord(row: OwedRow): OwedRecord {
  return {
    id: row.id,
    raterId: row.rater_id,
    interactionId: row.interaction_id,
    interactionType: row.interaction_type,
    prompt: row.prompt,
    scale: row.scale as Scale | null,
    locale: row.locale,
    tags: parse<OwedRecord['tags']>(row.tags),
    endedAt: row.ended_at,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    settledAt: row.settled_at,
    settledChannel: row.settled_channel,
    ratingId: row.rating_id,
    cancelledAt: row.cancelled_at,
  };
}
