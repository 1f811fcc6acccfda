import { BANDS, CSAT_SCALES } from '@raaye/protocol';
import type { StoreStats } from './types';

/** Ratings of one UTC day, scale and score: the finest grain the stats are defined on. */
export interface ScoreGroup {
  day: string;
  scale: string;
  score: number;
  n: number;
}

/**
 * The two sums every figure of `/v1/stats` is computed from: per UTC day (count and sum of
 * scores, for the daily series) and per scale and score (everything else). ~200 rows for half a
 * year of one scale, where the groups they sum are days × scales × scores.
 */
export interface StatsShapes {
  days: Array<{ day: string; n: number; total: number }>;
  scores: Array<{ scale: string; score: number; n: number }>;
}

// The bands are @raaye/protocol's (CSAT, NPS).
const FIVE_POINT: ReadonlySet<string> = new Set(CSAT_SCALES);

/** The shapes of some groups: what PostgreSQL's GROUPING SETS return from the rollup. */
export function shapesOf(groups: readonly ScoreGroup[]): StatsShapes {
  const days = new Map<string, { day: string; n: number; total: number }>();
  const scores = new Map<string, { scale: string; score: number; n: number }>();
  for (const { day, scale, score, n } of groups) {
    const d = days.get(day) ?? { day, n: 0, total: 0 };
    days.set(day, d);
    d.n += n;
    d.total += score * n;
    const key = `${scale}\u0000${score}`;
    const s = scores.get(key) ?? { scale, score, n: 0 };
    scores.set(key, s);
    s.n += n;
  }
  return { days: [...days.values()], scores: [...scores.values()] };
}

/**
 * Count, averages, CSAT, NPS, distribution and the daily series. Repeated keys add up (a day
 * read from the rollup and an edge scanned); keys that sum to zero are left out (a part of a
 * day subtracted again), as a scan would never show them.
 */
export function statsFromShapes(shapes: StatsShapes): StoreStats {
  const days = new Map<string, { day: string; n: number; total: number }>();
  for (const { day, n, total } of shapes.days) {
    const d = days.get(day) ?? { day, n: 0, total: 0 };
    days.set(day, d);
    d.n += n;
    d.total += total;
  }
  const scores = new Map<string, { scale: string; score: number; n: number }>();
  for (const { scale, score, n } of shapes.scores) {
    const key = `${scale}\u0000${score}`;
    const s = scores.get(key) ?? { scale, score, n: 0 };
    scores.set(key, s);
    s.n += n;
  }
  return figures(
    [...days.values()].filter((d) => d.n !== 0),
    [...scores.values()].filter((s) => s.n !== 0),
  );
}

function figures(days: StatsShapes['days'], scores: StatsShapes['scores']): StoreStats {
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
  for (const { scale, score, n } of scores) {
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
    byDay: [...days]
      .sort((a, b) => a.day.localeCompare(b.day))
      .map((d) => ({ day: d.day, count: d.n, average: round(d.total / d.n) })),
  };
}

/** The stats of groups: the definition the rollup's answer must equal. */
export const statsFromGroups = (groups: readonly ScoreGroup[]): StoreStats =>
  statsFromShapes(shapesOf(groups));

const round = (n: number) => Math.round(n * 100) / 100;
