import { CollectorError } from '../errors';
import { likePattern } from '../ratings/search-sql';
import type { SqlClient } from '../store/sql-client';
import {
  FOLLOWUP_SELECT,
  type FollowUp,
  type FollowUpRow,
  type FollowUpStatus,
  toFollowUp,
} from './followup-row';

/** `due`: time left, earliest deadline first; `newest`: latest arrival first. */
export type InboxOrder = 'due' | 'newest';

export interface InboxQuery {
  statuses: FollowUpStatus[];
  /** A member id, or `none` for unassigned. */
  assignee?: string;
  tag?: string;
  /** Words that must each appear in the rating's comment (as in `GET /v1/ratings/search`). */
  words?: string[];
  order: InboxOrder;
  /** Keyset cursor: the last page's sort key (`dueAt` or `openedAt`) and id. */
  after?: { at: string; id: string };
  limit: number;
}

/** The sort column of each order; the id breaks ties. */
const ORDER_COLUMN: Record<InboxOrder, string> = { due: 'f.due_at', newest: 'f.opened_at' };

/** The key a page ends at, for the next page's cursor. */
export const orderKey = (order: InboxOrder, f: FollowUp) =>
  order === 'due' ? f.dueAt : f.openedAt;

/**
 * Follow-ups by time left (earliest deadline first) or newest first, then id. Newest first is
 * what keeps a spam burst from burying the complaint that came after it (issue 11).
 */
export async function listFollowUps(
  db: SqlClient,
  siteId: string,
  q: InboxQuery,
): Promise<FollowUp[]> {
  const params: unknown[] = [siteId, q.statuses];
  const where = ['f.site_id = $1', 'f.status = ANY($2::text[])'];
  if (q.assignee === 'none') where.push('f.assignee_id IS NULL');
  else if (q.assignee) {
    params.push(q.assignee);
    where.push(`f.assignee_id = $${params.length}::uuid`);
  }
  if (q.tag) {
    params.push(JSON.stringify([q.tag]));
    where.push(`f.tags @> $${params.length}::text::jsonb`);
  }
  for (const word of q.words ?? []) {
    params.push(likePattern(word));
    where.push(`r.comment ILIKE $${params.length} ESCAPE '\\'`);
  }
  const column = ORDER_COLUMN[q.order];
  const direction = q.order === 'newest' ? 'DESC' : 'ASC';
  if (q.after) {
    params.push(q.after.at, q.after.id);
    where.push(
      `(${column}, f.rating_id) ${q.order === 'newest' ? '<' : '>'} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
    );
  }
  params.push(q.limit);
  const rows = await db.query<FollowUpRow>(
    `${FOLLOWUP_SELECT} WHERE ${where.join(' AND ')}
     ORDER BY ${column} ${direction}, f.rating_id ${direction} LIMIT $${params.length}::int`,
    params,
  );
  return rows.map(toFollowUp);
}

export async function getFollowUp(
  db: SqlClient,
  siteId: string,
  id: string,
  lock = false,
): Promise<FollowUp> {
  const rows = await db.query<FollowUpRow>(
    `${FOLLOWUP_SELECT} WHERE f.site_id = $1 AND f.rating_id = $2::uuid${lock ? ' FOR UPDATE OF f' : ''}`,
    [siteId, id],
  );
  if (!rows[0]) throw new CollectorError('not_found', 'no follow-up with this id');
  return toFollowUp(rows[0]);
}
