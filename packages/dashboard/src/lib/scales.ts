import { isScale, npsBucket, SCALES, type Scale, scoresOf } from '@raaye/protocol';

export { isScale, SCALES, type Scale, scoresOf };

export interface NpsSplit {
  total: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** Promoters (9–10), passives (7–8) and detractors (0–6) from the `nps` distribution of /v1/stats. */
export function npsSplit(distribution: Record<string, number> | undefined): NpsSplit {
  const split: NpsSplit = { total: 0, promoters: 0, passives: 0, detractors: 0 };
  for (const [score, count] of Object.entries(distribution ?? {})) {
    split.total += count;
    split[`${npsBucket(Number(score))}s`] += count;
  }
  return split;
}
