import type { Scale } from '@raaye/protocol';

import { coverageEn } from '../coverage/strings';
import { deliveriesEn } from '../deliveries/strings';
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
  keyHint:
    "The site's secret key (sk_…). It stays in this tab only and is cleared when you log out or close the tab.",
  keyPrefix: 'A secret key starts with sk_ (the public pk_ key cannot read ratings).',
  keyRejected: 'The collector did not accept this key.',
  signInFailed: 'Sign-in failed.',
  checking: 'Checking…',
  loggedOut: 'You are logged out.',
  keyRevoked: 'The collector no longer accepts this key. Sign in again.',
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
  outsideRange: (n: number) => `${n} more awaiting reply outside the chosen dates.`,
  truncated: 'Only the newest 10,000 ratings awaiting reply are loaded.',
  search: 'Search',
  searchPlaceholder: 'Comment, tag, interaction, rater',
  replyStatus: 'Reply status',
  overdue: 'Overdue',
  due: 'Due',
  exportView: 'Export this view',
  exportCsv: 'Export CSV',
  exportNdjson: 'Export NDJSON',
  exported: (n: number) => `Exported ${n === 1 ? '1 rating' : `${n} ratings`}.`,
  exportFailed: 'The export failed.',
  nothingAwaiting: 'Nothing awaiting a reply.',
  noMatch: 'No rating matches this filter.',
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
  age: 'Age',
  ago: (duration: string) => `${duration} ago`,
  dueIn: (duration: string) => `Due in ${duration}`,
  overdueBy: (duration: string) => `Overdue by ${duration}`,
  dueBy: (time: string) => `Reply due by ${time}`,
  units: { s: 's', min: 'min', h: 'h', d: 'd' } as DurationUnits,
  markReplied: 'Mark replied',
  repliedBy: 'Replied by',
  note: 'Note',
  optional: '(optional)',
  sayWho: 'Say who replied.',
  saveFailed: 'Could not save the reply.',
  saveReply: 'Save reply',
  saving: 'Saving…',
  cancel: 'Cancel',
  markedReplied: (by: string) => `Marked replied by ${by}.`,
  show: 'Show',
  awaitingView: 'Awaiting reply',
  repliedView: 'Replied',
  repliedIn: (duration: string) => `Replied in ${duration}`,
  repliedLate: (duration: string) => `Replied ${duration} late`,
  nothingReplied: 'No low rating in this range has a reply yet.',
  newFollowUps: (n: number) =>
    n === 1 ? '1 new low rating awaiting reply.' : `${n} new low ratings awaiting reply.`,
  coverage: coverageEn,
  deliveries: deliveriesEn,
  team: teamEn,
  browse: ratingsEn,
};

export type Strings = typeof en;
