import { BANDS, CSAT_SCALES } from '@raaye/protocol';
import { filterSql } from './filter-sql';
import type { SqlClient } from './sql-client';
import type { RatingFilter, StoreStats } from './types';

// The bands are @raaye/protocol's (CSAT, NPS), written into the SQL as constants.
const FIVE_POINT = `scale IN (${CSAT_SCALES.map((s) => `'${s}'`).join(', ')})`;

interface TotalsRow {
  count: number;
  average: number | null;
  csat_n: number;
  csat_pos: number;
  nps_n: number;
  promoters: number;
  detractors: number;
}

/** All stats in three index-backed aggregate queries over the corrected event time. */
export async function queryStats(
  db: SqlClient,
  siteId: string,
  filter: RatingFilter,
): Promise<StoreStats> {
  const { where, params } = filterSql(siteId, filter);
  const [totals] = await db.query<TotalsRow>(
    `SELECT count(*)::int AS count, avg(score)::float8 AS average,
       (count(*) FILTER (WHERE ${FIVE_POINT}))::int AS csat_n,
       (count(*) FILTER (WHERE ${FIVE_POINT} AND score >= ${BANDS.satisfiedMin}))::int AS csat_pos,
       (count(*) FILTER (WHERE scale = 'nps'))::int AS nps_n,
       (count(*) FILTER (WHERE scale = 'nps' AND score >= ${BANDS.promoterMin}))::int AS promoters,
       (count(*) FILTER (WHERE scale = 'nps' AND score < ${BANDS.passiveMin}))::int AS detractors
     FROM raaye_ratings WHERE ${where}`,
    params,
  );
  const dist = await db.query<{ scale: string; score: number; count: number }>(
    `SELECT scale, score::int AS score, count(*)::int AS count FROM raaye_ratings WHERE ${where}
     GROUP BY scale, score ORDER BY scale, score`,
    params,
  );
  const days = await db.query<{ day: string; count: number; average: number }>(
    `SELECT to_char(event_time AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*)::int AS count,
       avg(score)::float8 AS average
     FROM raaye_ratings WHERE ${where} GROUP BY 1 ORDER BY 1`,
    params,
  );
  const t = totals!;
  const byScale: Record<
    string,
    { count: number; average: number; distribution: Record<string, number> }
  > = {};
  for (const row of dist) {
    const entry = byScale[row.scale] ?? { count: 0, average: 0, distribution: {} };
    byScale[row.scale] = entry;
    entry.count += Number(row.count);
    entry.average += Number(row.score) * Number(row.count);
    entry.distribution[String(row.score)] = Number(row.count);
  }
  for (const entry of Object.values(byScale)) entry.average = round(entry.average / entry.count);
  const npsN = Number(t.nps_n);
  const csatN = Number(t.csat_n);
  return {
    count: Number(t.count),
    average: t.average === null ? null : round(Number(t.average)),
    csat: csatN === 0 ? null : round((100 * Number(t.csat_pos)) / csatN),
    nps: npsN === 0 ? null : round((100 * (Number(t.promoters) - Number(t.detractors))) / npsN),
    byScale,
    byDay: days.map((d) => ({
      day: d.day,
      count: Number(d.count),
      average: round(Number(d.average)),
    })),
  };
}

const round = (n: number) => Math.round(n * 100) / 100;
