import type { ActivityEntry, Actor } from '@raaye/protocol';
import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';

export type { ActivityEntry, Actor };

export const SYSTEM: Actor = { kind: 'system', id: null, name: 'Raaye' };

interface Row {
  seq: string;
  rating_id: string | null;
  actor_kind: Actor['kind'];
  actor_id: string | null;
  actor_name: string;
  action: string;
  detail: string | null;
  at: string;
}

const toEntry = (r: Row): ActivityEntry => ({
  seq: r.seq,
  ratingId: r.rating_id,
  actor: { kind: r.actor_kind, id: r.actor_id, name: r.actor_name },
  action: r.action,
  detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
  at: r.at,
});

/** Append-only: entries are never edited; erasing a rater deletes the entries of their ratings. */
export async function recordActivity(
  db: SqlClient,
  siteId: string,
  entry: {
    ratingId?: string | null;
    actor: Actor;
    action: string;
    detail?: Record<string, unknown> | null;
  },
  at: string,
): Promise<void> {
  await db.query(
    `INSERT INTO raaye_activity (site_id, rating_id, actor_kind, actor_id, actor_name, action, detail, at)
     VALUES ($1, $2::uuid, $3, $4, $5, $6, $7::text::jsonb, $8::timestamptz)`,
    [
      siteId,
      entry.ratingId ?? null,
      entry.actor.kind,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.detail ? JSON.stringify(entry.detail) : null,
      at,
    ],
  );
}

/** A follow-up's entries, oldest first; or the site's own (`ratingId` null: members, tokens). */
export async function listActivity(
  db: SqlClient,
  siteId: string,
  ratingId: string | null,
  limit = 500,
): Promise<ActivityEntry[]> {
  const rows = await db.query<Row>(
    `SELECT seq::text AS seq, rating_id::text AS rating_id, actor_kind, actor_id, actor_name, action,
       detail::text AS detail, ${iso('at')} AS at
     FROM raaye_activity WHERE site_id = $1 AND rating_id IS NOT DISTINCT FROM $2::uuid
     ORDER BY raaye_activity.seq LIMIT $3::int`,
    [siteId, ratingId, limit],
  );
  return rows.map(toEntry);
}
