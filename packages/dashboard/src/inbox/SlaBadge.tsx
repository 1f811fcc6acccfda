import { formatDuration, slaState } from '../lib/sla';

/** `Due in 5 h` or `Overdue by 2 h`, against the 24-hour reply standard. */
export function SlaBadge({ eventTime, now }: { eventTime: string; now: number }) {
  const sla = slaState(eventTime, now);
  const due = new Date(sla.dueAt).toISOString();
  return (
    <span class={`badge sla-${sla.status}`} data-sla={sla.status} title={`Reply due by ${due}`}>
      {sla.status === 'overdue'
        ? `Overdue by ${formatDuration(sla.ms)}`
        : `Due in ${formatDuration(sla.ms)}`}
    </span>
  );
}
