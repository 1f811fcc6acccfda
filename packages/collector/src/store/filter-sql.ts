import type { RatingFilter } from './types';

/** WHERE clause for a site and filter; parameters start at `$1` = site id. */
export function filterSql(
  siteId: string,
  filter: RatingFilter,
): { where: string; params: unknown[] } {
  const params: unknown[] = [siteId];
  const parts = ['site_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    parts.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.from !== undefined) add('event_time >= ?::timestamptz', filter.from);
  if (filter.to !== undefined) add('event_time < ?::timestamptz', filter.to);
  if (filter.interactionType !== undefined) add('interaction_type = ?', filter.interactionType);
  if (filter.scale !== undefined) add('scale = ?', filter.scale);
  if (filter.verified !== undefined) add('verified = ?::boolean', filter.verified);
  return { where: parts.join(' AND '), params };
}
