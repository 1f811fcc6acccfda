import type { SqlClient } from '../store/sql-client';

/** Events the team inbox raises; delivered through the outbox to the site's destinations. */
export type InboxEventType =
  | 'followup.assigned'
  | 'followup.replied'
  | 'sla.breaching'
  | 'sla.breached'
  | 'inbox.digest';

/** A person an event is meant for (the assignee, the owners). */
export interface Recipient {
  memberId: string;
  email: string;
  name: string;
  role: string;
}

/** Same shape as the outbox's event, so the outbox's enqueue fits `EmitEvents` as it is. */
export interface InboxEvent {
  type: InboxEventType;
  data: Record<string, unknown> & { recipients?: Recipient[] };
  raterId?: string | null;
  userId?: string | null;
  subjectId?: string | null;
}

/** Writes events in the caller's transaction (`tx`), so they exist if and only if the change does. */
export type EmitEvents = (
  tx: SqlClient,
  siteId: string,
  events: InboxEvent[],
  at: string,
) => Promise<void>;
