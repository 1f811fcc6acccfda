import { filterSql } from './filter-sql';
import type { SqlClient } from './sql-client';
import { type ScoreGroup, type StatsShapes, shapesOf, statsFromShapes } from './stats-shapes';
import type { RatingFilter, StoreStats } from './types';

const DAY_MS = 86_400_000;

/**
 * Stats from the daily rollup (`raaye_stats_daily`) for whole UTC days, plus an index range scan
 * of the at most two partial days at the edges of `from`/`to`: O(days), not O(ratings).
 * Filters the rollup does not carry (`verified`) fall back to a scan of the matching ratings,
 * an index range scan bounded by the site and `from`/`to`.
 */
export async function queryStats(
  db: SqlClient,
  siteId: string,
  filter: RatingFilter,
): Promise<StoreStats> {
  const shapes = rollupCovers(filter)
    ? await rollupShapes(db, siteId, filter)
    : shapesOf(await scanGroups(db, siteId, filter));
  return statsFromShapes(shapes);
}

/** The filters the rollup's dimensions can answer. */
function rollupCovers(filter: RatingFilter): boolean {
  const known = new Set(['from', 'to', 'interactionType', 'scale']);
  return Object.entries(filter).every(([key, value]) => value === undefined || known.has(key));
}

// Both shapes in one pass over the site's rollup rows: GROUPING SETS return per-day and
// per-(scale, score) sums, ~200 rows where (day, scale, score) groups were ~1,800 at 180 days,
// and the collector only adds them up.
const ROLLUP_SHAPES = (where: string) => `
SELECT grouping(day)::int AS by_score, to_char(day, 'YYYY-MM-DD') AS day, scale, score::int AS score,
  sum(n)::int8 AS n, sum(n * score)::int8 AS total
FROM raaye_stats_daily WHERE ${where}
GROUP BY GROUPING SETS ((day), (scale, score)) HAVING sum(n) > 0`;

interface ShapeRow {
  by_score: number;
  day: string | null;
  scale: string | null;
  score: number | null;
  // int8 arrives as a string from postgres.js, as a bigint from PGlite.
  n: string | number | bigint;
  total: string | number | bigint;
}

/** @internal The shapes of `scanGroups`, read from the rollup where whole days allow. */
export async function rollupShapes(
  db: SqlClient,
  siteId: string,
  filter: RatingFilter,
): Promise<StatsShapes> {
  const from = filter.from === undefined ? undefined : Date.parse(filter.from);
  const to = filter.to === undefined ? undefined : Date.parse(filter.to);
  // Whole days: [firstDay, endDay) in UTC, from the rollup.
  let firstDay = from === undefined ? undefined : Math.ceil(from / DAY_MS) * DAY_MS;
  let endDay = to === undefined ? undefined : Math.floor(to / DAY_MS) * DAY_MS;
  if (firstDay !== undefined && endDay !== undefined && firstDay >= endDay) {
    return shapesOf(await scanGroups(db, siteId, filter));
  }
  // A partial day at an edge is either scanned and added, or read whole from the rollup with
  // its other part scanned and subtracted, whichever part is shorter: each edge scans at most
  // half a day of ratings. The scans run side by side with the rollup read (a pool's
  // connections).
  const edges: Array<Promise<ScoreGroup[]>> = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  const scan = (range: RatingFilter, sign: 1 | -1) =>
    scanGroups(db, siteId, { ...filter, ...range }).then((groups) =>
      sign === 1 ? groups : groups.map((g) => ({ ...g, n: -g.n })),
    );
  if (from !== undefined && firstDay !== undefined && from < firstDay) {
    const dayStart = firstDay - DAY_MS;
    if (from - dayStart <= DAY_MS / 2) {
      edges.push(scan({ from: iso(dayStart), to: filter.from }, -1));
      firstDay = dayStart;
    } else {
      edges.push(scan({ to: iso(firstDay) }, 1));
    }
  }
  if (to !== undefined && endDay !== undefined && endDay < to) {
    const dayEnd = endDay + DAY_MS;
    if (dayEnd - to <= DAY_MS / 2) {
      edges.push(scan({ from: filter.to, to: iso(dayEnd) }, -1));
      endDay = dayEnd;
    } else {
      edges.push(scan({ from: iso(endDay) }, 1));
    }
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
  const [rows, edgeGroups] = await Promise.all([
    db.query<ShapeRow>(ROLLUP_SHAPES(where.join(' AND ')), params),
    Promise.all(edges),
  ]);
  const shapes: StatsShapes = { days: [], scores: [] };
  for (const r of rows) {
    if (Number(r.by_score)) {
      shapes.scores.push({ scale: r.scale!, score: Number(r.score), n: Number(r.n) });
    } else {
      shapes.days.push({ day: r.day!, n: Number(r.n), total: Number(r.total) });
    }
  }
  if (edgeGroups.length === 0) return shapes;
  const edge = shapesOf(edgeGroups.flat());
  return { days: [...shapes.days, ...edge.days], scores: [...shapes.scores, ...edge.scores] };
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

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
