import { SCALES, type Scale } from '@raaye/core/contract';

export { SCALES, type Scale };

export const SCALE_NAMES: Record<Scale, string> = {
  stars5: 'Stars (1–5)',
  faces5: 'Faces (1–5)',
  thumbs: 'Thumbs',
  nps: 'NPS (0–10)',
  csat5: 'CSAT (1–5)',
  ces7: 'Effort (CES 1–7)',
};

export const isScale = (name: string): name is Scale => Object.hasOwn(SCALES, name);

/** Every score of the scale, low to high. */
export function scoresOf(scale: Scale): number[] {
  const [min, max] = SCALES[scale];
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}

/** A score in words, e.g. `2 of 5 stars`, `thumbs down`, `3 of 10 (NPS)`. */
export function scoreText(scale: Scale, score: number): string {
  switch (scale) {
    case 'thumbs':
      return score === 0 ? 'Thumbs down' : 'Thumbs up';
    case 'stars5':
      return `${score} of 5 stars`;
    case 'nps':
      return `${score} of 10 (NPS)`;
    case 'ces7':
      return `Effort ${score} of 7`;
    default:
      return `${score} of 5`;
  }
}

/** Label of one score on a distribution axis. */
export function scoreLabel(scale: Scale, score: number): string {
  if (scale === 'thumbs') return score === 0 ? 'Down' : 'Up';
  return String(score);
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
