import type { EventType } from '../outbox/event-types';
import { type DestinationConfig, type EmailDestination, PEOPLE_DESTINATION } from './config';
import { type Mailer, type PreparedMail, uniqueAddresses } from './email';
import { wants } from './filter';
import type { OutgoingEvent } from './send';
import { summarize } from './summary';

const PEOPLE_EVENTS: EventType[] = [
  'followup.assigned',
  'followup.replied',
  'sla.breaching',
  'sla.breached',
  'inbox.digest',
  // Names the site's owner members in `recipients` (the configured `owners` addresses have a
  // destination of their own).
  'destination.disabled',
];

/**
 * Present for every site once the collector has an SMTP server (`mail`); `destinations` are the
 * site's own, whose e-mail addresses it does not mail twice.
 */
export const peopleDestination = (
  destinations: readonly DestinationConfig[],
): EmailDestination => ({
  id: PEOPLE_DESTINATION,
  kind: 'email',
  to: [],
  events: PEOPLE_EVENTS,
  people: {
    others: destinations.filter((d): d is EmailDestination => d.kind === 'email'),
  },
});

const isPrepared = (m: unknown): m is PreparedMail =>
  typeof m === 'object' &&
  m !== null &&
  ['to', 'subject', 'text', 'html', 'lang'].every(
    (k) => typeof (m as Record<string, unknown>)[k] === 'string',
  );

/**
 * A reply carrying a prepared e-mail goes to the customer as written (their language and
 * direction); any other event goes, as the usual summary, to the members it names.
 */
export async function sendToPeople(
  mailer: Mailer,
  event: OutgoingEvent,
  publicUrl: string | undefined,
  others: readonly EmailDestination[],
) {
  if (event.type === 'followup.replied') {
    if (isPrepared(event.data.email)) await mailer.sendPrepared(event.data.email, event.id);
    return;
  }
  const recipients = Array.isArray(event.data.recipients) ? event.data.recipients : [];
  // A configured `owners` address (or any e-mail destination receiving this event) that is also
  // a member named here gets the alert from that destination only.
  const mailedElsewhere = new Set(
    others
      .filter((d) => wants(d, event.type, event.data))
      .flatMap((d) => d.to.map((a) => a.toLowerCase())),
  );
  const to = uniqueAddresses(
    recipients
      .map((r) =>
        typeof r === 'object' && r !== null ? (r as { email?: unknown }).email : undefined,
      )
      .filter((e): e is string => typeof e === 'string'),
  ).filter((a) => !mailedElsewhere.has(a.toLowerCase()));
  if (to.length > 0) await mailer.send(to, summarize(event.type, event.data, publicUrl), event.id);
}
