/**
 * The delivery panel's texts in English; every language pack in src/i18n carries its own
 * translation under `deliveries` (as the coverage panel does).
 */
export const deliveriesEn = {
  title: 'Deliveries',
  intro: 'Where events (low ratings, replies, alerts) are sent, and how each attempt went.',
  destinations: 'Destinations',
  destination: 'Destination',
  kind: 'Kind',
  target: 'Sends to',
  events: 'Events',
  status: 'Status',
  active: 'Active',
  failing: (n: number) => `Failing (${n} in a row)`,
  disabled: 'Disabled',
  enable: 'Re-enable',
  enabled: (id: string) => `${id} is on again.`,
  noDestinations: 'No destinations are configured for this site.',
  log: 'Delivery log',
  state: 'State',
  states: { pending: 'Pending', delivered: 'Delivered', dead: 'Dead letter' },
  all: 'All',
  event: 'Event',
  attempts: 'Attempts',
  lastStatus: 'Last status',
  latency: 'Latency',
  error: 'Error',
  lastAttempt: 'Last attempt',
  none: 'No deliveries match.',
  history: 'Attempt history',
  time: 'Time',
  noStatus: 'no answer',
  replay: 'Replay',
  replayed: (n: number) =>
    n === 1 ? '1 delivery will be sent again.' : `${n} deliveries will be sent again.`,
  replayRange: 'Replay a time range',
  replayHint:
    'Delivered and dead deliveries of events from this range are sent again, with their original event ids.',
  from: 'From (UTC)',
  to: 'To (UTC)',
  more: 'Show older',
  refresh: 'Refresh',
  failed: 'That did not work.',
  ownersOnly: 'Only owners can replay deliveries or re-enable a destination.',
};

export type DeliveriesStrings = typeof deliveriesEn;
