import { en, type LocalePack, type Strings } from './strings';

export interface ResolvedLocale {
  code: string;
  dir: 'ltr' | 'rtl';
  strings: Strings;
}

/** First match wins: the exact tag, then its language (`pt-BR` → `pt`); `en` when nothing matches. */
function pick(packs: readonly LocalePack[], wanted: string | undefined): LocalePack | undefined {
  if (!wanted) return undefined;
  const tag = wanted.toLowerCase();
  const base = tag.split('-')[0];
  return (
    packs.find((p) => p.code.toLowerCase() === tag) ??
    packs.find((p) => p.code.toLowerCase().split('-')[0] === base)
  );
}

/**
 * Choose the locale from config, then `<html lang>`, then `navigator.language`, among the packs
 * the site loaded. A language without a pack falls back to English rather than a half-translation.
 */
export function resolveLocale(
  packs: readonly LocalePack[],
  configured?: string,
  overrides?: Partial<Strings>,
): ResolvedLocale {
  const all: LocalePack[] = [{ code: 'en', strings: en }, ...packs];
  const candidates = [configured, document.documentElement.lang, navigator.language];
  let pack: LocalePack | undefined;
  for (const c of candidates) {
    pack = pick(all, c);
    if (pack) break;
  }
  pack ??= all[0]!;
  return {
    code: pack.code,
    dir: pack.dir ?? 'ltr',
    strings: { ...en, ...pack.strings, ...overrides },
  };
}

/** Replace `{n}` with a localised number. */
export function formatN(template: string, n: number, locale: string): string {
  return template.replace('{n}', new Intl.NumberFormat(locale).format(n));
}

/** Pick the plural form for `n` (Arabic has six, Urdu two). */
export function plural(forms: Strings['stars'], n: number, locale: string): string {
  const cat = new Intl.PluralRules(locale).select(n);
  return formatN(forms[cat] ?? forms.other, n, locale);
}
