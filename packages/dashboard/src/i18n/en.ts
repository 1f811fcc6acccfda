import type { Scale } from '@raaye/protocol';
import type { DurationUnits } from '../lib/sla';
import { ratingsEn } from './ratings-en';
import { teamEn } from './team-en';

/** Every user-facing text of the dashboard; a language pack implements all of it. */
export const en = {
  lang: 'en',
  dir: 'ltr' as 'ltr' | 'rtl',
  languageName: 'English',
  language: 'Language',
  appName: 'Raaye dashboard',
  site: (id: string) => `site ${id}`,
  // Sign-in
  signIn: 'Sign in',
  secretKey: 'Secret key',
  signInFailed: 'Sign-in failed.',
  checking: 'Checking…',
  loggedOut: 'You are logged out.',
  unreachable: 'The collector could not be reached.',
  // Header
  loading: 'Loading…',
  notUpdating: (why: string) => `Not updating: ${why}`,
  paused: 'Paused while this tab is hidden',
  updatedAt: (time: string) => `Live, updated ${time}`,
  logOut: 'Log out',
  // Filters
  filters: 'Filters',
  from: 'From (UTC)',
  to: 'To (UTC)',
  interactionType: 'Interaction type',
  all: 'All',
  scale: 'Scale',
  allScales: 'All scales',
  scaleNames: {
    stars5: 'Stars (1–5)',
    faces5: 'Faces (1–5)',
    thumbs: 'Thumbs',
    nps: 'NPS (0–10)',
    csat5: 'CSAT (1–5)',
    ces7: 'Effort (CES 1–7)',
  } satisfies Record<Scale, string>,
  // Scores
  liveScores: 'Live scores',
  ratings: 'Ratings',
  ratingCount: (n: number) => (n === 1 ? '1 rating' : `${n} ratings`),
  average: 'Average score',
  mixedScales: 'Mixed scales: choose one for a meaningful average.',
  csat: 'CSAT',
  csatNote: '4–5 on 5-point scales',
  nps: 'NPS',
  promoters: 'Promoters',
  passives: 'Passives',
  detractors: 'Detractors',
  awaitingReply: 'Awaiting reply',
  overdueCount: (n: number) => `${n} overdue (24 h)`,
  trend: 'Trend',
  trendTitle: 'Ratings per day',
  trendCaption: 'Ratings per day (bars) and average score (line), by UTC day',
  day: 'Day (UTC)',
  distribution: 'Distribution',
  distributionOf: (scale: string) => `${scale} distribution`,
  score: 'Score',
  noRatings: 'No ratings in this range yet.',
  thumbsUp: 'Up',
  thumbsDown: 'Down',
  // Inbox
  inbox: 'Follow-up inbox',
  inboxSummary: (n: number, overdue: number) =>
    `${n} awaiting reply, ${overdue} overdue. Low ratings are due for a reply within 24 hours.`,
  search: 'Search',
  overdue: 'Overdue',
  listLabel: (n: number) => (n === 1 ? '1 rating' : `${n} ratings`),
  // A follow-up
  scoreText: (scale: Scale, score: number): string => {
    switch (scale) {
      case 'thumbs':
        return score === 0 ? 'Thumbs down' : 'Thumbs up';
      case 'stars5':
        return `${score} of 5 stars`;
      case 'nps':
        return `${score} of 10 (NPS)`;
      case 'ces7':
        return `Effort ${score} of 7`;
      default:
        return `${score} of 5`;
    }
  },
  noComment: 'No comment',
  tags: 'Tags',
  type: 'Type',
  rater: 'Rater',
  overdueBy: (duration: string) => `Overdue by ${duration}`,
  units: { s: 's', min: 'min', h: 'h', d: 'd' } as DurationUnits,
  repliedBy: 'Replied by',
  note: 'Note',
  saving: 'Saving…',
  // The owed-ratings panel
  coverage: {
    title: 'Owed ratings',
    owed: 'Owed',
    answered: 'Answered',
    expired: 'Expired',
    open: 'Still open',
    rate: 'Response rate',
    median: 'Median time to answer',
    channel: 'Channel',
    type: 'Interaction type',
    none: 'No ratings were owed in this range.',
    channels: {
      widget: 'In app',
      email: 'E-mail link',
      sms: 'SMS link',
      api: 'Your own rate()',
      unspecified: 'Unspecified (older SDK)',
    } as Record<string, string>,
    caption: 'Answers by channel',
    typeCaption: 'By interaction type',
  },
  // The delivery panel
  deliveries: {
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
  },
  team: teamEn,
  browse: ratingsEn,
};

export type Strings = typeof en;
