import type { SqlClient } from '../../src/store/sql-client';

export interface LowRating {
  type: string | null;
  replied: boolean;
  /** Minutes before `now` it was received (the mark passes those over a minute old). */
  ageMin: number;
  /** A seq taken earlier (`reserveSeqs`), as when a rating's insert commits after later ones. */
  seq?: bigint;
}

/** Seqs as inserts take them; one stored later with `seq` commits out of order. */
export async function reserveSeqs(db: SqlClient, n: number): Promise<bigint[]> {
  const rows = await db.query<{ seq: string }>(
    `SELECT nextval(pg_get_serial_sequence('raaye_ratings', 'seq'))::text AS seq
     FROM generate_series(1, $1::int)`,
    [n],
  );
  return rows.map((r) => BigInt(r.seq));
}

/**
 * Low ratings straight into the table (as an ingest would have stored them). Either every rating
 * has a `seq` or none does (then they take the next ones, in order).
 */
export async function insertLowRatings(
  db: SqlClient,
  siteId: string,
  ratings: readonly LowRating[],
  now: number,
) {
  const rows = ratings.map((r, i) => {
    const received = new Date(now - r.ageMin * 60_000 - (ratings.length - i)).toISOString();
    return {
      id: crypto.randomUUID(),
      seq: r.seq?.toString(),
      interaction_id: `i-${crypto.randomUUID()}`,
      interaction_type: r.type,
      rater_id: `rater-${i % 7}`,
      user_id: i % 3 === 0 ? null : `user-${i % 7}`,
      received_at: received,
      replied_at: r.replied ? new Date(now).toISOString() : null,
    };
  });
  const seq = ratings[0]?.seq === undefined ? ['', ''] : [', seq', ', r.seq'];
  for (let i = 0; i < rows.length; i += 1000) {
    await db.query(
      `INSERT INTO raaye_ratings (site_id, id, interaction_id, interaction_type, scale, score, rater_id,
         user_id, source, device_created_at, sent_at, received_at, event_time, low, replied_at${seq[0]})
       SELECT $1, r.id, r.interaction_id, r.interaction_type, 'stars5', 1, r.rater_id, r.user_id, 'web',
         r.received_at, r.received_at, r.received_at, r.received_at, true, r.replied_at${seq[1]}
       FROM ROWS FROM (jsonb_to_recordset($2::text::jsonb) AS (id uuid, seq bigint, interaction_id text,
         interaction_type text, rater_id text, user_id text, received_at timestamptz,
         replied_at timestamptz)) WITH ORDINALITY
         AS r(id, seq, interaction_id, interaction_type, rater_id, user_id, received_at, replied_at, n)
       ORDER BY r.n`,
      [siteId, JSON.stringify(rows.slice(i, i + 1000))],
    );
  }
}
