import { ATTEMPTS_SQL, OUTBOX_SQL } from '../outbox/schema';
import { STATS_ROLLUP_SQL, STATS_SLOT_SQL } from './stats-rollup-schema';

/**
 * The one schema both adapters share. Append migrations; never edit an applied one.
 * Idempotency lives in the two UNIQUE constraints, with no time window (R3).
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'ratings and owed',
    sql: `
CREATE TABLE raaye_ratings (
  site_id text NOT NULL,
  id uuid NOT NULL,
  seq bigserial NOT NULL UNIQUE,
  interaction_id text NOT NULL,
  interaction_type text,
  scale text NOT NULL,
  score smallint NOT NULL,
  tags jsonb,
  comment text,
  rater_id text NOT NULL,
  user_id text,
  user_traits jsonb,
  meta jsonb,
  locale text,
  source text NOT NULL,
  device_created_at timestamptz NOT NULL,
  sent_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  event_time timestamptz NOT NULL,
  low boolean NOT NULL,
  replied_at timestamptz,
  replied_by text,
  reply_note text,
  PRIMARY KEY (site_id, id),
  CONSTRAINT raaye_ratings_one_per_interaction UNIQUE (site_id, rater_id, interaction_id)
);
-- stats: range scans by site and corrected time
CREATE INDEX raaye_ratings_site_time ON raaye_ratings (site_id, event_time);
-- export: keyset pagination by site and sequence
CREATE INDEX raaye_ratings_site_seq ON raaye_ratings (site_id, seq);
-- follow-up queue: only the small set of unanswered low ratings
CREATE INDEX raaye_ratings_follow_ups ON raaye_ratings (site_id, seq) WHERE low AND replied_at IS NULL;

CREATE TABLE raaye_owed (
  site_id text NOT NULL,
  rater_id text NOT NULL,
  interaction_id text NOT NULL,
  interaction_type text,
  prompt text,
  scale text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  settled_at timestamptz,
  PRIMARY KEY (site_id, rater_id, interaction_id)
);
`,
  },
  // 10–19: the contract (@raaye/protocol).
  {
    // Issue 11 (time): a rating whose device-measured age (sentAt − createdAt) is outside
    // @raaye/protocol's TIME_WINDOW is stored at its receive time with this flag set.
    version: 10,
    name: 'clock_suspect flag',
    sql: `ALTER TABLE raaye_ratings ADD COLUMN clock_suspect boolean NOT NULL DEFAULT false;`,
  },
  // Versions 30–39 belong to the outbox (issue 12); see ../outbox/schema.ts.
  { version: 30, name: 'outbox: events, deliveries, destination state', sql: OUTBOX_SQL },
  {
    version: 31,
    name: 'outbox: when a destination started failing',
    sql: 'ALTER TABLE raaye_destination_state ADD COLUMN failing_since timestamptz',
  },
  { version: 32, name: 'outbox: attempt history', sql: ATTEMPTS_SQL },
  // 20–29: issue 11 (verified raters, erasure).
  {
    version: 20,
    name: 'verified raters',
    sql: `
-- Ratings carrying a valid rater token. Earlier rows were never verified.
ALTER TABLE raaye_ratings ADD COLUMN verified boolean NOT NULL DEFAULT false;
`,
  },
  // 40–49: the team inbox (members, sessions, tokens, activity, workflow, SLA).
  {
    version: 40,
    name: 'members, sessions, api tokens and activity',
    sql: `
CREATE TABLE raaye_members (
  site_id text NOT NULL,
  id uuid NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'agent', 'viewer')),
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (site_id, id),
  CONSTRAINT raaye_members_one_email UNIQUE (site_id, email)
);
-- sign-in finds a person by e-mail across sites before the site is known
CREATE INDEX raaye_members_email ON raaye_members (email);

-- Only a hash of the cookie's token is stored: a leaked table does not sign anyone in.
CREATE TABLE raaye_sessions (
  token_hash text PRIMARY KEY,
  site_id text NOT NULL,
  member_id uuid NOT NULL,
  csrf text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  FOREIGN KEY (site_id, member_id) REFERENCES raaye_members (site_id, id) ON DELETE CASCADE
);
CREATE INDEX raaye_sessions_member ON raaye_sessions (site_id, member_id);

CREATE TABLE raaye_api_tokens (
  site_id text NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  scope text NOT NULL CHECK (scope IN ('read', 'full')),
  token_hash text NOT NULL UNIQUE,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  PRIMARY KEY (site_id, id)
);

CREATE TABLE raaye_activity (
  seq bigserial PRIMARY KEY,
  site_id text NOT NULL,
  rating_id uuid,
  actor_kind text NOT NULL,
  actor_id text,
  actor_name text NOT NULL,
  action text NOT NULL,
  detail jsonb,
  at timestamptz NOT NULL,
  -- erasing a rater erases what was written about their ratings (notes, replies) too
  FOREIGN KEY (site_id, rating_id) REFERENCES raaye_ratings (site_id, id) ON DELETE CASCADE
);
CREATE INDEX raaye_activity_rating ON raaye_activity (site_id, rating_id, seq);
`,
  },
  {
    version: 41,
    name: 'follow-up workflow and SLA',
    sql: `
CREATE TABLE raaye_followups (
  site_id text NOT NULL,
  rating_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'assigned', 'replied', 'resolved', 'closed')),
  assignee_id uuid,
  tags jsonb NOT NULL DEFAULT '[]',
  close_reason text,
  opened_at timestamptz NOT NULL,
  -- sla.breaching fires at warn_at, sla.breached at due_at (both in business time from opened_at)
  warn_at timestamptz NOT NULL,
  due_at timestamptz NOT NULL,
  first_reply_at timestamptz,
  first_reply_by uuid,
  resolved_at timestamptz,
  breaching_alerted_at timestamptz,
  breached_alerted_at timestamptz,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (site_id, rating_id),
  FOREIGN KEY (site_id, rating_id) REFERENCES raaye_ratings (site_id, id) ON DELETE CASCADE
);
-- the inbox and the SLA ticker: unanswered follow-ups by deadline
CREATE INDEX raaye_followups_due ON raaye_followups (site_id, due_at) WHERE first_reply_at IS NULL;
CREATE INDEX raaye_followups_assignee ON raaye_followups (site_id, assignee_id, status);

-- Per-site inbox settings (reply target, business hours, assignment rules), edited by owners.
CREATE TABLE raaye_inbox_settings (
  site_id text PRIMARY KEY,
  settings jsonb NOT NULL,
  round_robin_last uuid,
  -- low ratings up to this seq already have their follow-up row
  materialized_seq bigint NOT NULL DEFAULT 0,
  last_digest_on date,
  updated_at timestamptz NOT NULL
);
`,
  },
  {
    // The follow-up step reads a site's low ratings past its mark, newest first, and checks each
    // against raaye_followups: without this index PGlite (no statistics) joined them by scanning,
    // 18 s for one pass of 200 among 5,000 low ratings on a loaded machine.
    version: 42,
    name: 'low ratings by seq, for the follow-up step',
    sql: 'CREATE INDEX raaye_ratings_low_seq ON raaye_ratings (site_id, seq) WHERE low;',
  },
  // Versions 50–59: the owed ledger across channels (issue 14). Spaced from the others' numbers
  // so parallel work does not collide; order of application is still by version.
  {
    version: 50,
    name: 'owed ledger across channels',
    sql: `
-- A short, global id for links and DELETE /v1/owed/:id; existing rows get numbers too.
ALTER TABLE raaye_owed ADD COLUMN id bigserial;
CREATE UNIQUE INDEX raaye_owed_id ON raaye_owed (id);
ALTER TABLE raaye_owed ADD COLUMN locale text;
ALTER TABLE raaye_owed ADD COLUMN tags jsonb;
-- When the interaction ended (coverage: time to answer); created_at when not given.
ALTER TABLE raaye_owed ADD COLUMN ended_at timestamptz;
ALTER TABLE raaye_owed ADD COLUMN cancelled_at timestamptz;
-- Which channel's answer settled the debt, and that rating's id.
ALTER TABLE raaye_owed ADD COLUMN settled_channel text;
ALTER TABLE raaye_owed ADD COLUMN rating_id uuid;
-- coverage: owed entries of a site by creation time
CREATE INDEX raaye_owed_site_created ON raaye_owed (site_id, created_at);
-- Where a rating was given (widget, email, sms, api); NULL from SDKs older than contract 1.1.
ALTER TABLE raaye_ratings ADD COLUMN channel text;
`,
  },
  // 60–69: read-side rollups (performance).
  {
    version: 60,
    name: 'daily stats rollup',
    sql: STATS_ROLLUP_SQL,
  },
  {
    // `seq` is only ever read per site (export, follow-ups, search, the inbox's cursor), which
    // raaye_ratings_site_seq serves; the bigserial cannot repeat, so the global UNIQUE index
    // only cost every insert one more index entry and one more conflict check (≈ 20 % of COPY).
    version: 61,
    name: 'drop the redundant UNIQUE (seq) of ratings',
    sql: 'ALTER TABLE raaye_ratings DROP CONSTRAINT IF EXISTS raaye_ratings_seq_key',
  },
  {
    // The fold (stats-fold.ts) looks for closed days' counters outside slot 0: with this index
    // a fold with nothing to do reads nothing. Updates of a counter change only `n`, so they
    // stay HOT; a new counter row outside slot 0 adds one entry (once per day, key and slot).
    version: 62,
    name: 'stats rollup: unfolded counters',
    sql: 'CREATE INDEX raaye_stats_daily_unfolded ON raaye_stats_daily (day) WHERE slot <> 0',
  },
  {
    // Slot 0 is the fold's alone: a writer sharing it could deadlock with the fold (see
    // ROLLUP_SLOT). Rows already in any slot stay valid, since readers sum every slot.
    version: 64,
    name: "stats rollup: writers never use the fold's slot 0",
    sql: STATS_SLOT_SQL,
  },
  // 70–79: browsing every rating and the inbox newest first (issues 11 and 13).
  {
    version: 70,
    name: 'newest-first keyset indexes',
    sql: `
-- GET /v1/ratings/search walks (event_time, seq) backwards; the old (site_id, event_time) index
-- is a prefix of this one, so stats keep their range scans and ingest maintains no extra index.
CREATE INDEX raaye_ratings_site_time_seq ON raaye_ratings (site_id, event_time, seq);
DROP INDEX raaye_ratings_site_time;
-- GET /v1/inbox?order=newest: follow-ups by when they arrived, newest first
CREATE INDEX raaye_followups_opened ON raaye_followups (site_id, opened_at, rating_id);
`,
  },
  // 80–89: erasure.
  {
    version: 80,
    name: 'erasure compaction owed',
    sql: `
-- PGlite: an erasure committed whose data files are not compacted yet (erase-compaction.ts). One
-- row at most; written in the erasure's transaction, removed once a compaction after it is done.
CREATE TABLE raaye_erase_compaction (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  erasures bigint NOT NULL,
  since timestamptz NOT NULL
);
`,
  },
];

/** Taken inside the migration transaction so concurrent instances migrate one at a time. */
export const MIGRATION_LOCK_ID = 7_272_930_118;
