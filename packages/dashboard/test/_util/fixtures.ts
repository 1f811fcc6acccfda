import { vi } from 'vitest';
import type { Api } from '../../src/api/client';
import type {
  FollowUp,
  FollowUpAction,
  Member,
  ReplayInput,
  Session,
  Stats,
  StoredRating,
} from '../../src/api/types';
import type { ApiToken, InboxSettings, TokenScope } from '../../src/team/types';

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
    deviceCreatedAt: time,
    sentAt: time,
    receivedAt: time,
    eventTime: time,
    clockSuspect: false,
    low: true,
    repliedAt: null,
    repliedBy: null,
    replyNote: null,
    channel: null,
    verified: false,
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

export const OWNER: Member = {
  id: '0190f0a0-0000-7000-8000-aaaaaaaaaaaa',
  siteId: 'demo',
  email: 'owner@shop.example',
  name: 'Sana',
  role: 'owner',
  createdAt: '2026-11-01T00:00:00.000Z',
};

/** A follow-up as /v1/inbox sends it, opened `hours` ago with a 24 h target. */
export function followUp(overrides: Partial<FollowUp> = {}, hours = 1): FollowUp {
  const r = rating({}, hours);
  return {
    id: r.id,
    status: 'assigned',
    assignee: { id: OWNER.id, name: OWNER.name, email: OWNER.email },
    tags: [],
    closeReason: null,
    openedAt: r.receivedAt,
    warnAt: new Date(Date.parse(r.receivedAt) + 22 * 3_600_000).toISOString(),
    dueAt: new Date(Date.parse(r.receivedAt) + 24 * 3_600_000).toISOString(),
    firstReplyAt: null,
    resolvedAt: null,
    rating: {
      interactionId: r.interactionId,
      interactionType: r.interactionType,
      scale: r.scale,
      score: r.score,
      tags: r.tags,
      comment: r.comment,
      raterId: r.raterId,
      userId: r.userId,
      locale: r.locale,
      eventTime: r.eventTime,
      contact: null,
    },
    ...overrides,
  };
}

/** The collector's defaults (inbox/settings.ts). */
export const DEFAULT_SETTINGS: InboxSettings = {
  replyTargetHours: 24,
  breachingBeforeHours: 2,
  businessHours: null,
  assignment: { mode: 'round-robin', byType: {} },
  digestHour: 8,
};

/** An Api whose methods are mocks; the inbox answers with `items`, the session with `member`. */
export function fakeApi(items: FollowUp[] = [], s: Stats = stats(), member: Member | null = OWNER) {
  const session = (m: Member): Session => ({
    member: m,
    site: 'demo',
    csrf: 'c',
    expiresAt: '2026-12-01T00:00:00.000Z',
  });
  return {
    session: vi.fn(async () => (member ? session(member) : null)),
    signIn: vi.fn(async (_email: string, _password: string, _site?: string) => session(OWNER)),
    signOut: vi.fn(async (_everywhere?: boolean) => {}),
    stats: vi.fn(async () => s),
    inbox: vi.fn(async () => ({ items, nextCursor: null, now: new Date(NOW).toISOString() })),
    searchRatings: vi.fn(async () => ({ ratings: [], nextCursor: null })),
    followUp: vi.fn(async (id: string) => ({
      followUp: items.find((i) => i.id === id)!,
      activity: [],
    })),
    act: vi.fn(async (id: string, _action: FollowUpAction) => items.find((i) => i.id === id)!),
    bulk: vi.fn(async (ids: string[]) => ids.map((id) => ({ id, ok: true }))),
    members: vi.fn(async () => [OWNER]),
    addMember: vi.fn(async () => OWNER),
    updateMember: vi.fn(async () => OWNER),
    removeMember: vi.fn(async () => {}),
    metrics: vi.fn(async () => ({
      overall: { opened: 0, replied: 0, medianSeconds: null, p90Seconds: null, withinTarget: null },
      byWeek: [],
      byAgent: [],
    })),
    exportRatings: vi.fn(async () => []),
    destinations: vi.fn(async () => []),
    deliveries: vi.fn(async () => ({ deliveries: [], nextCursor: null })),
    replay: vi.fn(async (_input: ReplayInput) => 0),
    enableDestination: vi.fn(async (_id: string) => {}),
    tokens: vi.fn(async (): Promise<ApiToken[]> => []),
    createToken: vi.fn(async (name: string, scope: TokenScope) => ({
      token: {
        id: '0193a0b0-0000-7000-8000-000000000001',
        siteId: 'demo',
        name,
        scope,
        createdBy: 'Sana',
        createdAt: new Date(NOW).toISOString(),
        lastUsedAt: null,
      },
      secret: 'rt_the_secret_shown_once',
    })),
    revokeToken: vi.fn(async (_id: string) => {}),
    settings: vi.fn(async () => DEFAULT_SETTINGS),
    saveSettings: vi.fn(async (patch: Partial<InboxSettings>) => ({
      ...DEFAULT_SETTINGS,
      ...patch,
    })),
  } satisfies Api;
}
