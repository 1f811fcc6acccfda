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
  // 20–29: issue 11 (verified raters, erasure).
  {
    version: 20,
    name: 'verified raters',
    sql: `
-- Ratings carrying a valid rater token. Earlier rows were never verified.
ALTER TABLE raaye_ratings ADD COLUMN verified boolean NOT NULL DEFAULT false;
`,
  },
];

/** Taken inside the migration transaction so concurrent instances migrate one at a time. */
export const MIGRATION_LOCK_ID = 7_272_930_118;
