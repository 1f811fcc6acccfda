// The outbox's read side (issue 12): what `GET /v1/deliveries` and `GET /v1/destinations`
// answer and what `POST /v1/deliveries/replay` takes, shared by the collector and the dashboard.

export type DeliveryState = 'pending' | 'delivered' | 'dead';

/** One attempt of a delivery. */
export interface DeliveryAttempt {
  at: string;
  /** HTTP status, or null (network error, timeout, SMTP). */
  status: number | null;
  latencyMs: number;
  error: string | null;
}

/** One row of the delivery log. */
export interface DeliveryRecord {
  id: string;
  eventId: string;
  eventType: string;
  subjectId: string | null;
  destination: string;
  state: DeliveryState;
  attempts: number;
  createdAt: string;
  /** Next attempt (pending only). */
  dueAt: string | null;
  deliveredAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  lastLatencyMs: number | null;
  /** Its attempts, oldest first: the newest 20, replays included. */
  history: DeliveryAttempt[];
}

/** `GET /v1/deliveries?destination&state&limit&cursor`: newest first. */
export interface DeliveriesPage {
  deliveries: DeliveryRecord[];
  nextCursor: string | null;
}

/** `GET /v1/destinations` item: a destination and its health, never its secret or URL path. */
export interface DestinationView {
  id: string;
  kind: 'webhook' | 'slack' | 'teams' | 'email';
  events: string[];
  filter: Record<string, unknown> | null;
  /**
   * The origin of a URL, or the e-mail addresses; `members` for the built-in `people` destination
   * (it mails the assignee, owners or agents each event names).
   */
  target: string | string[];
  consecutiveFailures: number;
  disabledAt: string | null;
  disabledReason: string | null;
}

/** `POST /v1/deliveries/replay`: one event, or a time range of events (`from` inclusive). */
export interface ReplayInput {
  eventId?: string;
  from?: string;
  to?: string;
  destination?: string;
}
