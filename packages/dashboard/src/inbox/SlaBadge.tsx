import { useStrings } from '../i18n/context';
import { formatUtc } from '../lib/format';
import { formatDuration, slaState } from '../lib/sla';

/** `Due in 5 h` or `Overdue by 2 h`, against the 24-hour reply standard. */
export function SlaBadge({ eventTime, now }: { eventTime: string; now: number }) {
  const t = useStrings();
  const sla = slaState(eventTime, now);
  const left = formatDuration(sla.ms, t.units);
  return (
    <span
      class={`badge sla-${sla.status}`}
      data-sla={sla.status}
      title={t.dueBy(formatUtc(new Date(sla.dueAt).toISOString()))}
    >
      {sla.status === 'overdue' ? t.overdueBy(left) : t.dueIn(left)}
    </span>
  );
}
