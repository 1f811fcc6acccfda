import type { Scale } from '@raaye/core/contract';

/**
 * Which scores need a human follow-up: the bottom of each scale, where a reply can still win the
 * customer back. 5-point scales (stars5, faces5, csat5): 1–2. thumbs: 0 (down). nps: 0–6
 * (detractors). ces7: 5–7, because a high Customer Effort Score means the task was hard.
 */
const LOW: Record<Scale, (score: number) => boolean> = {
  stars5: (s) => s <= 2,
  faces5: (s) => s <= 2,
  csat5: (s) => s <= 2,
  thumbs: (s) => s === 0,
  nps: (s) => s <= 6,
  ces7: (s) => s >= 5,
};

export function isLowScore(scale: Scale, score: number): boolean {
  return LOW[scale](score);
}
