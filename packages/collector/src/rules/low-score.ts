import type { Scale } from '@raaye/core/contract';

/**
 * Which scores need a human follow-up: the bottom of each scale, where a reply can still win the
 * customer back. 5-point scales (stars5, faces5, csat5): 1–2. thumbs: 0 (down). nps: 0–6
 * (detractors). ces7: 5–7, because a high Customer Effort Score means the task was hard.
 */
export function isLowScore(scale: Scale, score: number): boolean {
  switch (scale) {
    case 'stars5':
    case 'faces5':
    case 'csat5':
      return score <= 2;
    case 'thumbs':
      return score === 0;
    case 'nps':
      return score <= 6;
    case 'ces7':
      return score >= 5;
  }
}
