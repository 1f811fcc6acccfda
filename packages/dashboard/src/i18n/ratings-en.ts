import type { Channel } from '@raaye/protocol';

/** Strings of the ratings view, the customer's history and inbox paging; one object per pack. */
export const ratingsEn = {
  title: 'All ratings',
  intro: 'Every rating in the chosen dates, type and scale, newest first.',
  search: 'Search comments',
  searchHint: 'Each word must appear in the comment.',
  score: 'Score',
  anyScore: 'Any score',
  tag: 'Tag',
  channel: 'Channel',
  anyChannel: 'Any channel',
  channels: {
    widget: 'Widget',
    email: 'E-mail link',
    sms: 'SMS link',
    api: "Site's API",
    unspecified: 'Not recorded',
  } satisfies Record<Channel | 'unspecified', string>,
  rater: 'Rater',
  anyRater: 'Verified or not',
  verifiedOnly: 'Verified only',
  unverifiedOnly: 'Unverified only',
  verified: 'verified',
  comment: 'Comment',
  anyComment: 'With or without',
  withComment: 'With a comment',
  withoutComment: 'Without a comment',
  find: 'Search',
  clear: 'Clear',
  when: 'When',
  customer: (id: string) => `Ratings of customer ${id}`,
  everyCustomer: 'Show every customer',
  customerRatings: "This customer's ratings",
  shown: (n: number, more: boolean) =>
    `${n === 1 ? '1 rating' : `${n} ratings`} shown${more ? ', more to load' : ''}.`,
  none: 'No rating matches.',
  loadMore: 'Load more',
  history: "This customer's ratings, across channels",
  // Inbox order
  order: 'Order',
  newestFirst: 'Newest first',
  byTimeLeft: 'Time left',
};

export type RatingsStrings = typeof ratingsEn;
