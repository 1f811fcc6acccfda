import { SCALES, type Scale } from '@raaye/core/contract';

export { SCALES, type Scale };

export const isScale = (name: string): name is Scale => Object.hasOwn(SCALES, name);

/** Every score of the scale, low to high. */
export function scoresOf(scale: Scale): number[] {
  const [min, max] = SCALES[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

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
    const n = Number(score);
    split.total += count;
    if (n >= 9) split.promoters += count;
    else if (n >= 7) split.passives += count;
    else split.detractors += count;
  }
  return split;
}
