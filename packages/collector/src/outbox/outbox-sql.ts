import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';
import { claimDeliveries, releaseDeliveries } from './claim-sql';
import type {
  DeliveryAttempt,
  DeliveryRecord,
  DestinationState,
  OutboxStore,
  PendingEvent,
} from './outbox-types';
import { settleDelivery } from './settle-sql';

const DELIVERY_COLUMNS = `d.id::text AS id, e.id AS event_id, e.type AS event_type,
  e.subject_id, d.destination, d.state, d.attempts, ${iso('d.created_at')} AS created_at,
  CASE WHEN d.state = 'pending' THEN ${iso('d.due_at')} END AS due_at,
  ${iso('d.delivered_at')} AS delivered_at, ${iso('d.last_attempt_at')} AS last_attempt_at,
  d.last_status, d.last_error, d.last_latency_ms,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('at', ${iso('a.at')}, 'status', a.status,
     'latencyMs', a.latency_ms, 'error', a.error) ORDER BY a.seq), '[]')::text
   FROM raaye_delivery_attempts a WHERE a.delivery_id = d.id) AS history`;

export function outboxSql(db: SqlClient): OutboxStore {
  return {
    async fanOut(limit, route, now, claim) {
      return db.transaction(async (tx) => {
        // `raaye_events.seq`, not the `seq` alias: ordering by the text alias sorted "10" before
        // "9" and, unable to use the partial index, scanned every event ever written each time.
        const rows = await tx.query<{ seq: string; site_id: string; type: string; data: string }>(
          `SELECT seq::text AS seq, site_id, type, data::text AS data FROM raaye_events
           WHERE NOT fanned_out ORDER BY raaye_events.seq LIMIT $1::int FOR UPDATE SKIP LOCKED`,
          [limit],
        );
        if (rows.length > 0) await writeDeliveries(tx, rows, route, now);
        // In the same transaction: one turn in the store's queue instead of two (see worker.ts).
        const claimed = claim ? await claimDeliveries(tx, claim, now) : [];
        return { events: rows.length, claimed };
      });
    },

    settle: (delivery, outcome, disable) => settleDelivery(db, delivery, outcome, disable),

    release: (deliveries) => releaseDeliveries(db, deliveries),

    async destinationStates() {
      const rows = await db.query<{
        site_id: string;
        destination: string;
        consecutive_failures: number;
        disabled_at: string | null;
        disabled_reason: string | null;
      }>(
        `SELECT site_id, destination, consecutive_failures, ${iso('disabled_at')} AS disabled_at,
           disabled_reason FROM raaye_destination_state`,
      );
      return rows.map(
        (r): DestinationState => ({
          siteId: r.site_id,
          destination: r.destination,
          consecutiveFailures: Number(r.consecutive_failures),
          disabledAt: r.disabled_at,
          disabledReason: r.disabled_reason,
        }),
      );
    },

    async enableDestination(siteId, destination) {
      await db.query(
        `UPDATE raaye_destination_state SET disabled_at = NULL, disabled_reason = NULL,
           consecutive_failures = 0 WHERE site_id = $1 AND destination = $2`,
        [siteId, destination],
      );
    },

    async listDeliveries(siteId, query) {
      const params: unknown[] = [siteId, query.limit];
      let where = 'd.site_id = $1';
      if (query.destination !== undefined) {
        params.push(query.destination);
        where += ` AND d.destination = $${params.length}`;
      }
      if (query.state !== undefined) {
        params.push(query.state);
        where += ` AND d.state = $${params.length}`;
      }
      if (query.beforeId !== undefined) {
        params.push(query.beforeId);
        where += ` AND d.id < $${params.length}::bigint`;
      }
      const rows = await db.query<Record<string, unknown>>(
        `SELECT ${DELIVERY_COLUMNS} FROM raaye_deliveries d JOIN raaye_events e ON e.seq = d.event_seq
         WHERE ${where} ORDER BY d.id DESC LIMIT $2::int`,
        params,
      );
      return rows.map(
        (r): DeliveryRecord => ({
          id: String(r.id),
          eventId: String(r.event_id),
          eventType: String(r.event_type),
          subjectId: (r.subject_id as string | null) ?? null,
          destination: String(r.destination),
          state: r.state as DeliveryRecord['state'],
          attempts: Number(r.attempts),
          createdAt: String(r.created_at),
          dueAt: (r.due_at as string | null) ?? null,
          deliveredAt: (r.delivered_at as string | null) ?? null,
          lastAttemptAt: (r.last_attempt_at as string | null) ?? null,
          lastStatus: r.last_status === null ? null : Number(r.last_status),
          lastError: (r.last_error as string | null) ?? null,
          lastLatencyMs: r.last_latency_ms === null ? null : Number(r.last_latency_ms),
          history: JSON.parse(String(r.history)) as DeliveryAttempt[],
        }),
      );
    },

    async replay(siteId, query, now) {
      const params: unknown[] = [siteId, now];
      let where = `d.site_id = $1 AND d.state <> 'pending'`;
      const add = (sql: string, value: unknown) => {
        params.push(value);
        where += ` AND ${sql.replace('?', `$${params.length}`)}`;
      };
      if (query.eventId !== undefined) add('e.id = ?', query.eventId);
      if (query.from !== undefined) add('e.created_at >= ?::timestamptz', query.from);
      if (query.to !== undefined) add('e.created_at < ?::timestamptz', query.to);
      if (query.destination !== undefined) add('d.destination = ?', query.destination);
      const rows = await db.query(
        `UPDATE raaye_deliveries d SET state = 'pending', due_at = $2::timestamptz,
           created_at = $2::timestamptz, attempts = 0, claim = NULL
         FROM raaye_events e WHERE e.seq = d.event_seq AND ${where} RETURNING 1`,
        params,
      );
      return rows.length;
    },
  };
}

/** One delivery per event in `rows` and destination `route` names; marks the events fanned out. */
async function writeDeliveries(
  tx: SqlClient,
  rows: Array<{ seq: string; site_id: string; type: string; data: string }>,
  route: (event: PendingEvent) => string[],
  now: string,
): Promise<void> {
  const deliveries: Array<{ seq: string; site: string; destination: string }> = [];
  for (const row of rows) {
    const event: PendingEvent = {
      seq: row.seq,
      siteId: row.site_id,
      type: row.type,
      data: JSON.parse(row.data),
    };
    for (const destination of route(event)) {
      deliveries.push({ seq: row.seq, site: row.site_id, destination });
    }
  }
  // One statement writes the deliveries and marks the events: fewer round trips, each of
  // which holds PGlite's single connection (and, in WASM, the event loop).
  await tx.query(
    `WITH written AS (
         INSERT INTO raaye_deliveries (event_seq, site_id, destination, due_at, created_at)
         SELECT x.seq, x.site, x.destination, $2::timestamptz, $2::timestamptz
         FROM jsonb_to_recordset($1::text::jsonb) AS x(seq bigint, site text, destination text)
         ON CONFLICT DO NOTHING)
       UPDATE raaye_events SET fanned_out = true
       WHERE seq IN (SELECT value::bigint FROM jsonb_array_elements_text($3::text::jsonb))`,
    [JSON.stringify(deliveries), now, JSON.stringify(rows.map((r) => r.seq))],
  );
}
