import { SCALES, type Scale } from '@raaye/protocol';
import { formatN, type PageLocale } from './locale';

export interface ScaleChoice {
  value: number;
  /** Accessible name, from the widget's strings ("4 stars", "Good"). */
  name: string;
  /** What is drawn; hidden from assistive tech when it differs from the name. */
  glyph: string;
}

// The widget draws the same glyphs (packages/widget/src/scale-items.ts); it does not export
// its scale-items module, and these few characters are presentation, not a rule.
const FACES = ['😞', '🙁', '😐', '🙂', '😄'];

/** The scale's options in order, named as the widget names them. */
export function scaleChoices(scale: Scale, locale: PageLocale): ScaleChoice[] {
  const [min, max] = SCALES[scale];
  const s = locale.strings;
  const out: ScaleChoice[] = [];
  for (let v = min; v <= max; v++) {
    const n = formatN('{n}', v, locale.code);
    if (scale === 'stars5') {
      const form = s.stars[new Intl.PluralRules(locale.code).select(v)] ?? s.stars.other;
      out.push({ value: v, name: formatN(form, v, locale.code), glyph: '★' });
    } else if (scale === 'faces5') {
      out.push({ value: v, name: s.faces[v - 1] ?? n, glyph: FACES[v - 1] ?? n });
    } else if (scale === 'thumbs') {
      out.push({ value: v, name: s.thumbs[v] ?? n, glyph: v ? '👍' : '👎' });
    } else {
      out.push({ value: v, name: n, glyph: n });
    }
  }
  return out;
}

/** Labels of the two ends of numeric scales, as under the widget's scale. */
export function scaleEnds(scale: Scale, locale: PageLocale): [string, string] | undefined {
  const s = locale.strings;
  if (scale === 'nps') return [s.npsLow, s.npsHigh];
  if (scale === 'csat5') return [s.csatLow, s.csatHigh];
  if (scale === 'ces7') return [s.cesLow, s.cesHigh];
  return undefined;
}
