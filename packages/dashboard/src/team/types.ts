// The owner's administration answers, as the collector sends them (members/token-store.ts,
// inbox/settings.ts). Restated here like the rest of src/api/types.ts until the team's types
// move into @raaye/protocol with them.

export type TokenScope = 'read' | 'full';

/** `GET /v1/tokens` item: never the secret. */
export interface ApiToken {
  id: string;
  siteId: string;
  name: string;
  scope: TokenScope;
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** `GET /v1/inbox/settings`, and (any part of it) the body of `PUT`. */
export interface InboxSettings {
  replyTargetHours: number;
  breachingBeforeHours: number;
  /** Only these hours count toward the target; null: every hour counts. */
  businessHours: { timeZone: string; days: Partial<Record<Weekday, string>> } | null;
  assignment: { mode: 'round-robin' | 'none'; byType: Record<string, string[]> };
  /** Local hour of the daily digest; null: none. */
  digestHour: number | null;
}
