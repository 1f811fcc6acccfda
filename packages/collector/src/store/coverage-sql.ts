import type { SqlClient } from './sql-client';
import type { CoverageRow, RatingFilter } from './types';

interface Row {
  state: CoverageRow['state'];
  channel: string | null;
  interaction_type: string | null;
  g_channel: number;
  g_type: number;
  count: number;
  median: number | null;
}

/**
 * Coverage of the owed ledger in one grouped scan: every state overall, by answering channel, by
 * interaction type, and type × channel. Owed entries are bucketed by when they were created (a
 * debt's outcome belongs to the period it was owed in); `scale` does not apply to debts.
 */
export async function queryCoverage(
  db: SqlClient,
  siteId: string,
  filter: RatingFilter,
  now: string,
): Promise<CoverageRow[]> {
  const params: unknown[] = [siteId, now];
  const where = ['site_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.from !== undefined) add('created_at >= ?::timestamptz', filter.from);
  if (filter.to !== undefined) add('created_at < ?::timestamptz', filter.to);
  if (filter.interactionType !== undefined) add('interaction_type = ?', filter.interactionType);
  const rows = await db.query<Row>(
    `WITH owed AS (
       SELECT interaction_type,
         CASE WHEN settled_at IS NOT NULL THEN 'answered'
              WHEN cancelled_at IS NOT NULL THEN 'cancelled'
              WHEN expires_at <= $2::timestamptz THEN 'expired'
              ELSE 'open' END AS state,
         CASE WHEN settled_at IS NOT NULL THEN coalesce(settled_channel, 'unspecified') END
           AS channel,
         greatest(0, extract(epoch FROM settled_at - coalesce(ended_at, created_at)))::float8
           AS seconds
       FROM raaye_owed WHERE ${where.join(' AND ')}
     )
     SELECT state, channel, interaction_type, grouping(channel)::int AS g_channel,
       grouping(interaction_type)::int AS g_type, count(*)::int AS count,
       (percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds))::float8 AS median
     FROM owed
     GROUP BY GROUPING SETS ((state), (state, channel), (state, interaction_type),
       (state, interaction_type, channel))`,
    params,
  );
  return rows.map((r) => ({
    state: r.state,
    channel: Number(r.g_channel) ? undefined : r.channel,
    interactionType: Number(r.g_type) ? undefined : r.interaction_type,
    count: Number(r.count),
    medianSeconds: r.median === null ? null : Number(r.median),
  }));
}
