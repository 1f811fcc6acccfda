import { SCALES, type Scale } from '@raaye/core/contract';
import { formatN, plural } from './i18n/resolve-locale';
import type { Strings } from './i18n/strings';

export interface ScaleItem {
  value: number;
  /** Accessible name. */
  name: string;
  /** What is drawn; hidden from assistive tech when it differs from the name. */
  glyph: string;
  /** Shown under the scale for the hovered or chosen score ("Very good" for 5 stars). */
  word: string;
}

export interface ScaleView {
  items: ScaleItem[];
  /** Labels under the two ends of numeric scales. */
  ends?: [string, string];
  /** Stars fill up to the chosen one. */
  fill: boolean;
}

const FACES = ['😞', '🙁', '😐', '🙂', '😄'];

export function scaleView(scale: Scale, s: Strings, locale: string): ScaleView {
  const [min, max] = SCALES[scale];
  const items: ScaleItem[] = [];
  for (let v = min; v <= max; v++) {
    const n = formatN('{n}', v, locale);
    let name = n;
    let glyph = n;
    let word = n;
    if (scale === 'stars5') {
      name = plural(s.stars, v, locale);
      // Outlined until chosen (drawn filled by the stylesheet's .on): shape, not colour alone.
      glyph = '★';
      word = s.faces[v - 1]!;
    } else if (scale === 'faces5') {
      name = word = s.faces[v - 1] ?? n;
      glyph = FACES[v - 1] ?? n;
    } else if (scale === 'thumbs') {
      name = word = s.thumbs[v] ?? n;
      glyph = v ? '👍' : '👎';
    }
    items.push({ value: v, name, glyph, word });
  }
  const ends: Partial<Record<Scale, [string, string]>> = {
    nps: [s.npsLow, s.npsHigh],
    csat5: [s.csatLow, s.csatHigh],
    ces7: [s.cesLow, s.cesHigh],
  };
  return { items, ends: ends[scale], fill: scale === 'stars5' };
}
