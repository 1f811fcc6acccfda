import { vi } from 'vitest';
import type { Api, FollowUpPage } from '../../src/api/client';
import type { Stats, StoredRating } from '../../src/api/types';

export const NOW = Date.parse('2026-11-23T12:00:00.000Z');

const hoursAgo = (h: number) => new Date(NOW - h * 3_600_000).toISOString();

let n = 0;
/** A low rating as /v1/follow-ups sends it, `hours` old. */
export function rating(overrides: Partial<StoredRating> = {}, hours = 1): StoredRating {
  n++;
  const id = `0190f0a0-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const time = hoursAgo(hours);
  return {
    id,
    interactionId: `ride_${n}`,
    interactionType: 'ride',
    scale: 'stars5',
    score: 1,
    tags: ['Late pickup'],
    comment: 'Driver was late',
    raterId: `rater_${n}`,
    userId: null,
    userTraits: null,
    meta: null,
    locale: 'en',
    source: 'web',
    channel: null,
    deviceCreatedAt: time,
    sentAt: time,
    receivedAt: time,
    eventTime: time,
    low: true,
    repliedAt: null,
    repliedBy: null,
    replyNote: null,
    ...overrides,
  };
}

/** /v1/stats for 7 ratings: 3 nps (10, 9, 3) and 4 stars5 (5, 4, 2, 1) over two days. */
export function stats(overrides: Partial<Stats> = {}): Stats {
  return {
    site: 'demo',
    filter: {},
    count: 7,
    average: 4.71,
    csat: 50,
    nps: 33.33,
    byScale: {
      nps: { count: 3, average: 7.33, distribution: { '3': 1, '9': 1, '10': 1 } },
      stars5: { count: 4, average: 3, distribution: { '1': 1, '2': 1, '4': 1, '5': 1 } },
    },
    byDay: [
      { day: '2026-11-20', count: 3, average: 4 },
      { day: '2026-11-23', count: 4, average: 5.25 },
    ],
    ...overrides,
  };
}

/** An Api whose methods are mocks; `followUps` answers with `items`. */
export function fakeApi(items: StoredRating[] = [], s: Stats = stats()) {
  const page: FollowUpPage = { items, truncated: false };
  return {
    stats: vi.fn(async () => s),
    followUps: vi.fn(async () => page),
    reply: vi.fn(async (id: string, by: string, note: string) => ({
      id,
      repliedAt: new Date(NOW).toISOString(),
      repliedBy: by,
      replyNote: note || null,
    })),
    exportRatings: vi.fn(async () => items),
  } satisfies Api;
}
