import { SCALES } from '@raaye/protocol';

/**
 * What a person should read about an event, before any format is applied: a title and labelled
 * fields. Every value may hold rater text; each format escapes it (slack.ts, teams.ts, email.ts).
 */
export interface Summary {
  title: string;
  fields: Array<{ label: string; value: string }>;
  /** The follow-up in the dashboard, when the collector knows its public URL. */
  link?: { label: string; url: string };
}

interface RatingData {
  id: string;
  scale: string;
  score: number;
  tags?: string[];
  comment?: string | null;
  interactionId?: string;
  interactionType?: string | null;
  raterId?: string;
}

const TITLES: Record<string, string> = {
  'rating.low': 'Low rating',
  'rating.created': 'New rating',
  'rating.displaced': 'Rating withdrawn: replaced by the verified customer’s own',
  'followup.replied': 'Follow-up replied',
  'destination.disabled': 'Delivery destination disabled',
};

export function summarize(
  type: string,
  data: Record<string, unknown>,
  publicUrl: string | undefined,
): Summary {
  const rating = data.rating as RatingData | undefined;
  const fields: Summary['fields'] = [];
  let title = TITLES[type] ?? `Event ${type}`;
  if (rating) {
    const range = SCALES[rating.scale as keyof typeof SCALES];
    const score = range ? `${rating.score} of ${range[1]}` : String(rating.score);
    title += `: ${score} (${rating.scale})`;
    fields.push({ label: 'Score', value: score });
    if (rating.tags && rating.tags.length > 0) {
      fields.push({ label: 'Tags', value: rating.tags.join(', ') });
    }
    if (rating.comment) fields.push({ label: 'Comment', value: rating.comment });
    const what = [rating.interactionType, rating.interactionId].filter(Boolean).join(' ');
    if (what) fields.push({ label: 'Interaction', value: what });
    if (rating.raterId) fields.push({ label: 'Rater', value: rating.raterId });
  }
  const reply = data.reply as { by?: string; note?: string | null } | undefined;
  if (reply?.by) fields.push({ label: 'Replied by', value: reply.by });
  if (reply?.note) fields.push({ label: 'Note', value: reply.note });
  if (typeof data.destination === 'string') {
    fields.push({ label: 'Destination', value: data.destination });
  }
  if (typeof data.reason === 'string') fields.push({ label: 'Reason', value: data.reason });
  if (typeof data.site === 'string') fields.push({ label: 'Site', value: data.site });
  const summary: Summary = { title, fields };
  if (rating && publicUrl) {
    summary.link = {
      label: 'Open the follow-up',
      url: `${publicUrl.replace(/\/+$/, '')}/dashboard/?followUp=${encodeURIComponent(rating.id)}`,
    };
  }
  return summary;
}
