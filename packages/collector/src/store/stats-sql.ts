import { BANDS, CSAT_SCALES } from '@raaye/protocol';
import { filterSql } from './filter-sql';
import type { SqlClient } from './sql-client';
import type { RatingFilter, StoreStats } from './types';

/** Ratings of one UTC day, scale and score: everything the stats are computed from. */
export interface ScoreGroup {
  day: string;
  scale: string;
  score: number;
  n: number;
}

const DAY_MS = 86_400_000;
// The bands are @raaye/protocol's (CSAT, NPS).
const FIVE_POINT: ReadonlySet<string> = new Set(CSAT_SCALES);

/**
 * Stats from the daily rollup (`raaye_stats_daily`) for whole UTC days, plus an index range scan
 * of the at most two partial days at the edges of `from`/`to`: O(days), not O(ratings).
 * Filters the rollup does not carry fall back to a scan of the matching ratings.
 */
export async function queryStats(
  db: SqlClient,
  siteId: string,
  filter: RatingFilter,
): Promise<StoreStats> {
  const groups = rollupCovers(filter)
    ? await rollupGroups(db, siteId, filter)
    : await scanGroups(db, siteId, filter);
  return statsFromGroups(groups);
}

/** The filters the rollup's dimensions can answer. */
function rollupCovers(filter: RatingFilter): boolean {
  const known = new Set(['from', 'to', 'interactionType', 'scale']);
  return Object.entries(filter).every(([key, value]) => value === undefined || known.has(key));
}

/** @internal The same groups as `scanGroups`, read from the rollup where whole days allow. */
export async function rollupGroups(
  db: SqlClient,
  siteId: string,
  filter: RatingFilter,
): Promise<ScoreGroup[]> {
  const from = filter.from === undefined ? undefined : Date.parse(filter.from);
  const to = filter.to === undefined ? undefined : Date.parse(filter.to);
  // Whole days: [firstDay, endDay) in UTC; the edges outside them are scanned.
  const firstDay = from === undefined ? undefined : Math.ceil(from / DAY_MS) * DAY_MS;
  const endDay = to === undefined ? undefined : Math.floor(to / DAY_MS) * DAY_MS;
  if (firstDay !== undefined && endDay !== undefined && firstDay >= endDay) {
    return scanGroups(db, siteId, filter);
  }
  const params: unknown[] = [siteId];
  const where = ['site_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (firstDay !== undefined) add('day >= ?::date', isoDay(firstDay));
  if (endDay !== undefined) add('day < ?::date', isoDay(endDay));
  if (filter.interactionType !== undefined) add('interaction_type = ?', filter.interactionType);
  if (filter.scale !== undefined) add('scale = ?', filter.scale);
  const rows = await db.query<{ day: string; scale: string; score: number; n: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, scale, score::int AS score, sum(n)::text AS n
     FROM raaye_stats_daily WHERE ${where.join(' AND ')}
     GROUP BY day, scale, score HAVING sum(n) > 0`,
    params,
  );
  const groups = rows.map((r) => ({
    day: r.day,
    scale: r.scale,
    score: Number(r.score),
    n: Number(r.n),
  }));
  if (from !== undefined && firstDay !== undefined && from < firstDay) {
    groups.push(
      ...(await scanGroups(db, siteId, { ...filter, to: new Date(firstDay).toISOString() })),
    );
  }
  if (to !== undefined && endDay !== undefined && endDay < to) {
    groups.push(
      ...(await scanGroups(db, siteId, { ...filter, from: new Date(endDay).toISOString() })),
    );
  }
  return groups;
}

/** @internal The groups straight from the ratings: the definition the rollup must equal. */
export async function scanGroups(
  db: SqlClient,
  siteId: string,
  filter: RatingFilter,
): Promise<ScoreGroup[]> {
  const { where, params } = filterSql(siteId, filter);
  const rows = await db.query<{ day: string; scale: string; score: number; n: string }>(
    `SELECT to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, scale, score::int AS score,
       count(*)::text AS n
     FROM raaye_ratings WHERE ${where} GROUP BY 1, 2, 3`,
    params,
  );
  return rows.map((r) => ({ day: r.day, scale: r.scale, score: Number(r.score), n: Number(r.n) }));
}

/** Count, averages, CSAT, NPS, distribution and the daily series from score groups. */
export function statsFromGroups(groups: readonly ScoreGroup[]): StoreStats {
  let count = 0;
  let sum = 0;
  let csatN = 0;
  let csatPositive = 0;
  let npsN = 0;
  let promoters = 0;
  let detractors = 0;
  const byScale: Record<
    string,
    { count: number; average: number; distribution: Record<string, number> }
  > = {};
  const byDay = new Map<string, { count: number; sum: number }>();
  for (const { day, scale, score, n } of groups) {
    count += n;
    sum += score * n;
    if (FIVE_POINT.has(scale)) {
      csatN += n;
      if (score >= BANDS.satisfiedMin) csatPositive += n;
    }
    if (scale === 'nps') {
      npsN += n;
      if (score >= BANDS.promoterMin) promoters += n;
      if (score < BANDS.passiveMin) detractors += n;
    }
    const entry = byScale[scale] ?? { count: 0, average: 0, distribution: {} };
    byScale[scale] = entry;
    entry.count += n;
    entry.average += score * n;
    entry.distribution[String(score)] = (entry.distribution[String(score)] ?? 0) + n;
    const daily = byDay.get(day) ?? { count: 0, sum: 0 };
    byDay.set(day, daily);
    daily.count += n;
    daily.sum += score * n;
  }
  for (const entry of Object.values(byScale)) {
    entry.average = round(entry.average / entry.count);
    entry.distribution = Object.fromEntries(
      Object.entries(entry.distribution).sort(([a], [b]) => Number(a) - Number(b)),
    );
  }
  return {
    count,
    average: count === 0 ? null : round(sum / count),
    csat: csatN === 0 ? null : round((100 * csatPositive) / csatN),
    nps: npsN === 0 ? null : round((100 * (promoters - detractors)) / npsN),
    byScale: Object.fromEntries(Object.entries(byScale).sort(([a], [b]) => a.localeCompare(b))),
    byDay: [...byDay.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, d]) => ({ day, count: d.count, average: round(d.sum / d.count) })),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
