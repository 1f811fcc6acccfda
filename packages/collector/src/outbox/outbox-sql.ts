import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';
import { claimDeliveries, releaseDeliveries } from './claim-sql';
import { enqueueEvents } from './enqueue';
import type {
  DeliveryAttempt,
  DeliveryRecord,
  DestinationState,
  OutboxStore,
  PendingEvent,
} from './outbox-types';
import { ATTEMPTS_KEPT } from './schema';

// One statement settles an attempt (no BEGIN/COMMIT round trips: on PGlite each query blocks
// the event loop while it runs): the delivery's new state, the attempt's row in its history
// (trimmed to the newest ATTEMPTS_KEPT), and the destination's health. Nothing is written
// when the claim was lost (the lease ran out and another worker took the delivery over).
const SETTLE = `
WITH settled AS (
  UPDATE raaye_deliveries SET state = $3, due_at = $4::timestamptz, claim = NULL,
    last_attempt_at = $5::timestamptz, last_status = $6::int, last_error = $7,
    last_latency_ms = $8::int,
    delivered_at = CASE WHEN $3 = 'delivered' THEN $5::timestamptz ELSE delivered_at END
  WHERE id = $1::bigint AND claim = $2::uuid RETURNING id
), attempt AS (
  INSERT INTO raaye_delivery_attempts (delivery_id, at, status, latency_ms, error)
  SELECT id, $5::timestamptz, $6::int, $8::int, $7 FROM settled
), trimmed AS (
  DELETE FROM raaye_delivery_attempts WHERE seq IN (
    SELECT seq FROM raaye_delivery_attempts
    WHERE delivery_id = $1::bigint AND EXISTS (SELECT 1 FROM settled)
    ORDER BY seq DESC OFFSET ${ATTEMPTS_KEPT - 1})
), health AS (
  INSERT INTO raaye_destination_state AS s
    (site_id, destination, consecutive_failures, failing_since)
  SELECT $9, $10, $11::int, CASE WHEN $11::int = 0 THEN NULL ELSE $5::timestamptz END
  FROM settled
  ON CONFLICT (site_id, destination) DO UPDATE SET
    consecutive_failures = CASE WHEN $11::int = 0 THEN 0 ELSE s.consecutive_failures + 1 END,
    failing_since = CASE WHEN $11::int = 0 THEN NULL
      ELSE coalesce(s.failing_since, $5::timestamptz) END
  RETURNING consecutive_failures AS failures, disabled_at IS NOT NULL AS disabled,
    (extract(epoch FROM ($5::timestamptz - failing_since)) * 1000)::float8 AS failing_ms
)
SELECT h.failures, h.disabled, h.failing_ms FROM settled LEFT JOIN health h ON true`;

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

    async settle(delivery, outcome, disable) {
      const ok = outcome.state === 'delivered';
      const [row] = await db.query<{
        failures: number | null;
        disabled: boolean | null;
        failing_ms: number | null;
      }>(SETTLE, [
        delivery.id,
        delivery.claim,
        outcome.state,
        outcome.dueAt,
        outcome.at,
        outcome.status,
        outcome.error?.slice(0, 500) ?? null,
        Math.round(outcome.latencyMs),
        delivery.siteId,
        delivery.destination,
        ok ? 0 : 1,
      ]);
      if (!row) return { settled: false, disabled: false };
      if (
        ok ||
        row.disabled !== false ||
        Number(row.failures) < disable.failures ||
        Number(row.failing_ms) < disable.ms
      ) {
        return { settled: true, disabled: false };
      }
      // Rare, so a transaction of its own: a crash before it commits leaves the count past the
      // threshold, and the next failure disables the destination.
      const disabled = await db.transaction(async (tx) => {
        const reason = `${row.failures} failed attempts in a row; last: ${outcome.error ?? outcome.status}`;
        const [owners] = await tx.query<{ recipients: string }>(
          `UPDATE raaye_destination_state SET disabled_at = $3::timestamptz, disabled_reason = $4
           WHERE site_id = $1 AND destination = $2 AND disabled_at IS NULL
           RETURNING (SELECT coalesce(jsonb_agg(jsonb_build_object('memberId', m.id::text,
               'email', m.email, 'name', m.name, 'role', m.role) ORDER BY m.email), '[]')::text
             FROM raaye_members m WHERE m.site_id = $1 AND m.role = 'owner') AS recipients`,
          [delivery.siteId, delivery.destination, outcome.at, reason],
        );
        if (!owners) return false;
        // The alert goes through the outbox too: to the configured \`owners\` addresses, to the
        // site's owner members (\`recipients\`, mailed by the people destination) and to any
        // other destination that subscribes to it.
        await enqueueEvents(
          tx,
          delivery.siteId,
          [
            {
              type: 'destination.disabled',
              subjectId: delivery.destination,
              data: {
                site: delivery.siteId,
                destination: delivery.destination,
                reason,
                recipients: JSON.parse(owners.recipients),
              },
            },
          ],
          outcome.at,
        );
        return true;
      });
      return { settled: true, disabled };
    },

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
