/**
 * Migration 30: the transactional outbox. An event row is written in the same transaction as
 * the rating (or reply, …) that causes it; the worker later fans it out into one delivery row
 * per matching destination, so the writer needs no knowledge of destinations (see enqueue.ts).
 *
 * A delivery is claimed by moving `due_at` to the end of a lease and stamping `claim`; a crash
 * leaves the row `pending` with a lease that runs out, and the next claim redelivers it with the
 * same event id. There is no separate "in flight" state to repair.
 */
export const OUTBOX_SQL = `
CREATE TABLE raaye_events (
  seq bigserial PRIMARY KEY,
  -- the webhook-id: the same on every attempt and replay, so receivers can dedupe
  id text NOT NULL UNIQUE DEFAULT ('evt_' || replace(gen_random_uuid()::text, '-', '')),
  site_id text NOT NULL,
  type text NOT NULL,
  -- who the event is about, so erasing a rater can remove it (and cancel its deliveries)
  rater_id text,
  user_id text,
  subject_id text,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  fanned_out boolean NOT NULL DEFAULT false
);
CREATE INDEX raaye_events_fan_out ON raaye_events (seq) WHERE NOT fanned_out;
CREATE INDEX raaye_events_rater ON raaye_events (site_id, rater_id);
CREATE INDEX raaye_events_user ON raaye_events (site_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX raaye_events_site_time ON raaye_events (site_id, created_at);

CREATE TABLE raaye_deliveries (
  id bigserial PRIMARY KEY,
  event_seq bigint NOT NULL REFERENCES raaye_events (seq) ON DELETE CASCADE,
  site_id text NOT NULL,
  destination text NOT NULL,
  -- pending | delivered | dead
  state text NOT NULL DEFAULT 'pending',
  attempts int NOT NULL DEFAULT 0,
  -- next attempt while waiting, end of the lease while claimed
  due_at timestamptz NOT NULL,
  claim uuid,
  created_at timestamptz NOT NULL,
  delivered_at timestamptz,
  last_attempt_at timestamptz,
  last_status int,
  last_error text,
  last_latency_ms int,
  UNIQUE (event_seq, destination)
);
CREATE INDEX raaye_deliveries_due ON raaye_deliveries (site_id, destination, due_at) WHERE state = 'pending';
CREATE INDEX raaye_deliveries_log ON raaye_deliveries (site_id, destination, id);

CREATE TABLE raaye_destination_state (
  site_id text NOT NULL,
  destination text NOT NULL,
  consecutive_failures int NOT NULL DEFAULT 0,
  disabled_at timestamptz,
  disabled_reason text,
  PRIMARY KEY (site_id, destination)
);
`;

/** How many attempts each delivery keeps in its history (the newest; older ones are trimmed). */
export const ATTEMPTS_KEPT = 20;

/**
 * Migration 32: each attempt of a delivery (time, status, latency, error), so the log shows a
 * retry's history and not only its last outcome. Written by the statement that settles the
 * attempt, which also trims the delivery's history to the newest `ATTEMPTS_KEPT`: a receiver
 * failing for the three days before the dead letter costs 20 rows per delivery, not ~80. `seq`
 * (not the attempt number) orders them because a replay starts the count again.
 */
export const ATTEMPTS_SQL = `
CREATE TABLE raaye_delivery_attempts (
  seq bigserial PRIMARY KEY,
  delivery_id bigint NOT NULL REFERENCES raaye_deliveries (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  status int,
  latency_ms int NOT NULL,
  error text
);
CREATE INDEX raaye_delivery_attempts_delivery ON raaye_delivery_attempts (delivery_id, seq);
`;
