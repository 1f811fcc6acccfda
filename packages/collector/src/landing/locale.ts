import ar from '@raaye/widget/locales/ar';
import de from '@raaye/widget/locales/de';
import en, { type Strings } from '@raaye/widget/locales/en';
import es from '@raaye/widget/locales/es';
import fr from '@raaye/widget/locales/fr';
import hi from '@raaye/widget/locales/hi';
import id from '@raaye/widget/locales/id';
import pt from '@raaye/widget/locales/pt';
import tr from '@raaye/widget/locales/tr';
import ur from '@raaye/widget/locales/ur';
import { LINK_STRINGS, type LinkStrings } from './link-strings';

/**
 * The widget's own locale packs (imported, bundled into the collector at build time), so the
 * landing page and the e-mail say exactly what the in-app prompt says. Only the few sentences
 * a link needs and the widget never shows live in link-strings.ts.
 */
const PACKS = [en, ar, de, es, fr, hi, id, pt, tr, ur];
const EN = en.strings as Strings;

export interface PageLocale {
  code: string;
  dir: 'ltr' | 'rtl';
  strings: Strings;
  link: LinkStrings;
}

/** The owed entry's locale: exact tag, then its language (`pt-BR` → `pt`), else English. */
export function pageLocale(wanted: string | null | undefined): PageLocale {
  const tag = (wanted ?? '').toLowerCase();
  const base = tag.split('-')[0];
  const pack =
    PACKS.find((p) => p.code.toLowerCase() === tag) ??
    PACKS.find((p) => p.code.toLowerCase().split('-')[0] === base) ??
    en;
  return {
    code: pack.code,
    dir: pack.dir ?? 'ltr',
    strings: { ...EN, ...pack.strings },
    link: { ...LINK_STRINGS.en, ...LINK_STRINGS[pack.code] },
  };
}

/** Replace `{n}` with a localised number. */
export function formatN(template: string, n: number, locale: string): string {
  return template.replace('{n}', new Intl.NumberFormat(locale).format(n));
}
