/**
 * Horizontal placement that follows the reading direction: in RTL the chart is drawn mirrored
 * (time runs right to left, bars grow leftwards) while text stays upright.
 */
export interface Axis {
  /** x of a shape `width` wide that starts `x` from the start edge. */
  x(x: number, width?: number): number;
  /** `text-anchor` for text that should sit on the start (`start`) or end (`end`) side of `x`. */
  anchor(side: 'start' | 'end' | 'middle'): 'start' | 'end' | 'middle';
}

export function axis(width: number, rtl: boolean): Axis {
  return {
    x: (x, w = 0) => (rtl ? width - x - w : x),
    anchor: (side) => (side === 'middle' || !rtl ? side : side === 'start' ? 'end' : 'start'),
  };
}

/** A round-ish top for an axis: 1, 2, 5 × 10^n at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}
