import type { Scale } from '@raaye/core/contract';

/**
 * Which scores need a human follow-up: the bottom of each scale, where a reply can still win the
 * customer back. 5-point scales (stars5, faces5, csat5): 1–2. thumbs: 0 (down). nps: 0–6
 * (detractors). ces7: 1–3: the scale runs from 1 "very difficult" to 7 "very easy" (contract v1,
 * as the widget labels it), so the bottom is the hard experiences.
 */
const LOW: Record<Scale, (score: number) => boolean> = {
  stars5: (s) => s <= 2,
  faces5: (s) => s <= 2,
  csat5: (s) => s <= 2,
  thumbs: (s) => s === 0,
  nps: (s) => s <= 6,
  ces7: (s) => s <= 3,
};

export function isLowScore(scale: Scale, score: number): boolean {
  return LOW[scale](score);
}
