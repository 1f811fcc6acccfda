import type { StoredRating } from '../api/types';
import { useStrings } from '../i18n/context';
import { formatUtc } from '../lib/format';
import { formatDuration, SLA_MS } from '../lib/sla';

/** How a replied rating met the 24-hour standard, who replied, and their note (as text). */
export function ReplyOutcome({ item }: { item: StoredRating }) {
  const t = useStrings();
  if (!item.repliedAt) return null;
  const took = Date.parse(item.repliedAt) - Date.parse(item.eventTime);
  const late = took > SLA_MS;
  return (
    <div class="reply-outcome">
      <p>
        <span
          class={`badge ${late ? 'sla-overdue' : 'sla-met'}`}
          data-sla={late ? 'late' : 'met'}
          title={formatUtc(item.repliedAt)}
        >
          {late
            ? t.repliedLate(formatDuration(took - SLA_MS, t.units))
            : t.repliedIn(formatDuration(took, t.units))}
        </span>{' '}
        {t.repliedBy}: <bdi>{item.repliedBy}</bdi>
      </p>
      {item.replyNote && (
        <p class="reply-note" dir="auto">
          {item.replyNote}
        </p>
      )}
    </div>
  );
}
