import { FOLLOWUP_STATUSES, type FollowUp, type FollowUpStatus, type Scale } from '@raaye/protocol';
import { iso } from '../store/row-mapping';

export type { FollowUp, FollowUpStatus };
export const STATUSES = FOLLOWUP_STATUSES;

export const FOLLOWUP_SELECT = `
SELECT f.rating_id::text AS id, f.status, f.assignee_id::text AS assignee_id, m.name AS assignee_name,
  m.email AS assignee_email, f.tags::text AS tags, f.close_reason, ${iso('f.opened_at')} AS opened_at,
  ${iso('f.warn_at')} AS warn_at, ${iso('f.due_at')} AS due_at, ${iso('f.first_reply_at')} AS first_reply_at,
  ${iso('f.resolved_at')} AS resolved_at, r.interaction_id, r.interaction_type, r.scale, r.score::int AS score,
  r.tags::text AS rating_tags, r.comment, r.rater_id, r.user_id, r.locale, ${iso('r.event_time')} AS event_time,
  r.user_traits->>'email' AS contact
FROM raaye_followups f
JOIN raaye_ratings r ON r.site_id = f.site_id AND r.id = f.rating_id
LEFT JOIN raaye_members m ON m.site_id = f.site_id AND m.id = f.assignee_id`;

export interface FollowUpRow {
  id: string;
  status: FollowUpStatus;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_email: string | null;
  tags: string;
  close_reason: string | null;
  opened_at: string;
  warn_at: string;
  due_at: string;
  first_reply_at: string | null;
  resolved_at: string | null;
  interaction_id: string;
  interaction_type: string | null;
  scale: Scale;
  score: number;
  rating_tags: string | null;
  comment: string | null;
  rater_id: string;
  user_id: string | null;
  locale: string | null;
  event_time: string;
  contact: string | null;
}

export function toFollowUp(r: FollowUpRow): FollowUp {
  return {
    id: r.id,
    status: r.status,
    assignee:
      r.assignee_id && r.assignee_name && r.assignee_email
        ? { id: r.assignee_id, name: r.assignee_name, email: r.assignee_email }
        : null,
    tags: JSON.parse(r.tags) as string[],
    closeReason: r.close_reason,
    openedAt: r.opened_at,
    warnAt: r.warn_at,
    dueAt: r.due_at,
    firstReplyAt: r.first_reply_at,
    resolvedAt: r.resolved_at,
    rating: {
      interactionId: r.interaction_id,
      interactionType: r.interaction_type,
      scale: r.scale,
      score: Number(r.score),
      tags: r.rating_tags === null ? null : (JSON.parse(r.rating_tags) as string[]),
      comment: r.comment,
      raterId: r.rater_id,
      userId: r.user_id,
      locale: r.locale,
      eventTime: r.event_time,
      contact:
        typeof r.contact === 'string' && /^[^\s@]+@[^\s@]+$/.test(r.contact) ? r.contact : null,
    },
  };
}
