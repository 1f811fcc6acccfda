import type { Scale } from '../scales';

/**
 * Highest score that counts as low, per scale: "low" is everything below the band the industry
 * reports as a good answer — CSAT counts only 4–5 as satisfied (so 3 is not), CES (7-point)
 * counts 5–7 as easy, NPS detractors are 0–6. A 3-star ride or delivery is a complaint in
 * practice ("it was OK, but…"); the widget asks "What went wrong?" for it, and whoever answers
 * that question expects a person to read the answer. So one threshold serves the widget's
 * follow-up question, the collector's inbox and `rating.low` webhook, and the dashboard.
 */
export const LOW_SCORE_MAX: Readonly<Record<Scale, number>> = {
  stars5: 3,
  faces5: 3,
  csat5: 3,
  thumbs: 0,
  nps: 6,
  ces7: 4,
};

/** Lowest score that counts as top: where an app may ask for a store review. */
export const TOP_SCORE_MIN: Readonly<Record<Scale, number>> = {
  stars5: 5,
  faces5: 5,
  csat5: 5,
  thumbs: 1,
  nps: 9,
  ces7: 6,
};

/**
 * A low score: the widget asks "What went wrong?", the collector puts the rating in the
 * follow-up inbox and sends the `rating.low` webhook. stars5/faces5/csat5 1–3, thumbs 0,
 * nps 0–6, ces7 1–4.
 */
export function isLowScore(scale: Scale, score: number): boolean {
  return score <= LOW_SCORE_MAX[scale];
}

/** The top of the scale: stars5/faces5/csat5 5, thumbs 1, nps 9–10, ces7 6–7. */
export function isTopScore(scale: Scale, score: number): boolean {
  return score >= TOP_SCORE_MIN[scale];
}

/** The 5-point scales whose satisfied answers make up the CSAT percentage. */
export const CSAT_SCALES = ['stars5', 'faces5', 'csat5'] as const satisfies readonly Scale[];

/** Bands of the standard metrics, as numbers so SQL aggregates can use the same definition. */
export const BANDS = {
  /** CSAT: satisfied is 4–5 on a 5-point scale. */
  satisfiedMin: 4,
  /** CES (7-point, 7 = very easy): easy is 5–7. */
  easyMin: 5,
  /** NPS: promoters 9–10, passives 7–8, detractors 0–6. */
  promoterMin: 9,
  passiveMin: 7,
} as const;

/** CSAT: satisfied is 4–5 on a 5-point scale. */
export const isSatisfied = (score: number): boolean => score >= BANDS.satisfiedMin;

/** CES (7-point, 7 = very easy): easy is 5–7. */
export const isEasy = (score: number): boolean => score >= BANDS.easyMin;

export type NpsBucket = 'promoter' | 'passive' | 'detractor';

/** NPS: promoters 9–10, passives 7–8, detractors 0–6. */
export function npsBucket(score: number): NpsBucket {
  return score >= BANDS.promoterMin
    ? 'promoter'
    : score >= BANDS.passiveMin
      ? 'passive'
      : 'detractor';
}
