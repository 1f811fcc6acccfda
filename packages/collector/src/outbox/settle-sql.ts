import type { SqlClient } from '../store/sql-client';
import type { AttemptOutcome, ClaimedDelivery } from './outbox-types';
import { ATTEMPTS_KEPT } from './schema';

// Whether this failure crosses the threshold (the row `s` as it was, under its lock): `$12`
// failures in a row, failing for at least `$13` ms, and not disabled yet.
const CROSSES = `$11::int = 1 AND s.disabled_at IS NULL AND s.consecutive_failures + 1 >= $12::int
  AND extract(epoch FROM ($5::timestamptz - coalesce(s.failing_since, $5::timestamptz))) * 1000
    >= $13::float8`;
const REASON = (failures: string) =>
  `format('%s failed attempts in a row; last: %s', ${failures}, $14::text)`;

// One statement settles an attempt (no BEGIN/COMMIT round trips: on PGlite each statement
// waits its turn behind ingest and the inbox): the delivery's new state, the attempt's row in
// its history (trimmed to the newest ATTEMPTS_KEPT), the destination's health and, when this
// failure crosses the threshold, the destination's disabling and its `destination.disabled`
// event (the same row enqueueEvents writes). Disabling in the same statement matters: done
// after it, the retry this failure schedules could be claimed in between, one attempt past the
// threshold. Nothing is written when the claim was lost (the lease ran out and another worker
// took the delivery over).
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
    (site_id, destination, consecutive_failures, failing_since, disabled_at, disabled_reason)
  SELECT $9, $10, $11::int, CASE WHEN $11::int = 0 THEN NULL ELSE $5::timestamptz END,
    CASE WHEN $11::int = 1 AND $12::int <= 1 AND $13::float8 <= 0 THEN $5::timestamptz END,
    CASE WHEN $11::int = 1 AND $12::int <= 1 AND $13::float8 <= 0 THEN ${REASON('1')} END
  FROM settled
  ON CONFLICT (site_id, destination) DO UPDATE SET
    consecutive_failures = CASE WHEN $11::int = 0 THEN 0 ELSE s.consecutive_failures + 1 END,
    failing_since = CASE WHEN $11::int = 0 THEN NULL
      ELSE coalesce(s.failing_since, $5::timestamptz) END,
    disabled_at = CASE WHEN ${CROSSES} THEN $5::timestamptz ELSE s.disabled_at END,
    disabled_reason = CASE WHEN ${CROSSES} THEN ${REASON('s.consecutive_failures + 1')}
      ELSE s.disabled_reason END
  -- Disabled by this statement: the reason names this update's own count, which no earlier
  -- disabling (at a smaller count) can match.
  RETURNING disabled_reason, $11::int = 1 AND disabled_at = $5::timestamptz
    AND disabled_reason = ${REASON('consecutive_failures')} AS disabled_now
), alert AS (
  -- To the configured \`owners\` addresses, to the site's owner members (\`recipients\`, mailed
  -- by the people destination) and to any other destination that subscribes to it.
  INSERT INTO raaye_events (site_id, type, subject_id, data, created_at)
  SELECT $9, 'destination.disabled', $10, jsonb_build_object('site', $9::text,
      'destination', $10::text, 'reason', h.disabled_reason, 'recipients',
      (SELECT coalesce(jsonb_agg(jsonb_build_object('memberId', m.id::text, 'email', m.email,
          'name', m.name, 'role', m.role) ORDER BY m.email), '[]'::jsonb)
        FROM raaye_members m WHERE m.site_id = $9 AND m.role = 'owner')),
    $5::timestamptz
  FROM health h WHERE h.disabled_now
)
SELECT coalesce(h.disabled_now, false) AS disabled FROM settled LEFT JOIN health h ON true`;

/** OutboxStore.settle on `db`. */
export async function settleDelivery(
  db: SqlClient,
  delivery: ClaimedDelivery,
  outcome: AttemptOutcome,
  disable: { failures: number; ms: number },
): Promise<{ settled: boolean; disabled: boolean }> {
  const ok = outcome.state === 'delivered';
  const [row] = await db.query<{ disabled: boolean }>(SETTLE, [
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
    disable.failures,
    disable.ms,
    String(outcome.error ?? outcome.status),
  ]);
  if (!row) return { settled: false, disabled: false };
  return { settled: true, disabled: row.disabled === true };
}
