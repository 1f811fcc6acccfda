import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';
import type { ClaimedDelivery, ClaimRequest } from './outbox-types';

interface ClaimRow {
  id: string;
  claim: string;
  due_at: string;
  site_id: string;
  destination: string;
  attempts: number;
  created_at: string;
  event_id: string;
  type: string;
  data: string;
  event_created_at: string;
}

// One statement for every destination with free slots (see the worker's loop). Per wanted
// destination not disabled, the lateral SELECT takes its longest-due rows through the
// raaye_deliveries_due index, locking them and skipping those another worker holds, so two
// processes never claim the same delivery (`id` orders a fan-out batch's deliveries, all due
// at the same moment, so a released one keeps its place); the outer LIMIT keeps the process's
// overall cap; the UPDATE then moves `due_at` to the end of the lease.
const CLAIM = `
WITH wanted AS (
  SELECT w.site, w.destination, w.n
  FROM jsonb_to_recordset($1::text::jsonb) AS w(site text, destination text, n int)
  WHERE NOT EXISTS (SELECT 1 FROM raaye_destination_state s
    WHERE s.site_id = w.site AND s.destination = w.destination AND s.disabled_at IS NOT NULL)
), picked AS (
  SELECT p.id, p.due_at FROM wanted w CROSS JOIN LATERAL (
    SELECT id, due_at FROM raaye_deliveries
    WHERE site_id = w.site AND destination = w.destination AND state = 'pending'
      AND due_at <= $3::timestamptz
    ORDER BY due_at, id LIMIT w.n FOR UPDATE SKIP LOCKED) p
  ORDER BY p.due_at, p.id LIMIT $2::int
)
UPDATE raaye_deliveries d
SET due_at = $3::timestamptz + make_interval(secs => $4::int / 1000.0),
    claim = gen_random_uuid(), attempts = d.attempts + 1
FROM raaye_events e, picked p
WHERE e.seq = d.event_seq AND d.id = p.id
RETURNING d.id::text AS id, d.claim::text AS claim, ${iso('p.due_at')} AS due_at, d.site_id,
  d.destination, d.attempts, ${iso('d.created_at')} AS created_at, e.id AS event_id, e.type,
  e.data::text AS data, ${iso('e.created_at')} AS event_created_at`;

/** Runs CLAIM on `db` (a transaction or the store's client). */
export async function claimDeliveries(
  db: SqlClient,
  request: ClaimRequest,
  now: string,
): Promise<ClaimedDelivery[]> {
  const wanted = request.wanted.map((w) => ({
    site: w.siteId,
    destination: w.destination,
    n: w.limit,
  }));
  const rows = await db.query<ClaimRow>(CLAIM, [
    JSON.stringify(wanted),
    request.total,
    now,
    request.leaseMs,
  ]);
  return rows.map((r) => ({
    id: r.id,
    claim: r.claim,
    dueAt: r.due_at,
    siteId: r.site_id,
    destination: r.destination,
    attempts: Number(r.attempts),
    createdAt: r.created_at,
    event: {
      id: r.event_id,
      type: r.type,
      data: JSON.parse(r.data),
      createdAt: r.event_created_at,
    },
  }));
}

// See OutboxStore.release: the claim undone (attempt uncounted, due as before), only while the
// caller still holds it.
const RELEASE = `
UPDATE raaye_deliveries d SET due_at = x.due_at, claim = NULL, attempts = d.attempts - 1
FROM jsonb_to_recordset($1::text::jsonb) AS x(id bigint, claim uuid, due_at timestamptz)
WHERE d.id = x.id AND d.claim = x.claim AND d.state = 'pending'`;

export async function releaseDeliveries(
  db: SqlClient,
  deliveries: readonly ClaimedDelivery[],
): Promise<void> {
  if (deliveries.length === 0) return;
  const rows = deliveries.map((d) => ({ id: d.id, claim: d.claim, due_at: d.dueAt }));
  await db.query(RELEASE, [JSON.stringify(rows)]);
}
