import { en, type LocalePack, type Strings } from './strings';

export interface ResolvedLocale {
  code: string;
  dir: 'ltr' | 'rtl';
  strings: Strings;
  /** A language we ship a pack for that the page asked for, but whose pack is not loaded yet. */
  missing?: string;
}

/** The packs built into `@raaye/widget/locales/*` and `raaye.<code>.js`. */
export const SHIPPED = ['ar', 'de', 'es', 'fr', 'hi', 'id', 'pt', 'tr', 'ur'];

/** Direction by language, known without any pack: a late pack must not flip a page's layout. */
export const dirOf = (code: string): 'ltr' | 'rtl' =>
  /^(ar|ur|fa|he|ps|sd|ug|yi|dv|ckb)\b/i.test(code) ? 'rtl' : 'ltr';

const base = (tag: string) => tag.toLowerCase().split('-')[0]!;

/** First match wins: the exact tag, then its language (`pt-BR` → `pt`); `en` when nothing matches. */
function pick(packs: readonly LocalePack[], wanted: string | undefined): LocalePack | undefined {
  if (!wanted) return undefined;
  const tag = wanted.toLowerCase();
  return (
    packs.find((p) => p.code.toLowerCase() === tag) ?? packs.find((p) => base(p.code) === base(tag))
  );
}

/**
 * Choose the locale from config, then `<html lang>`, then `navigator.language`, among the packs
 * the site loaded. A language without a pack falls back to English rather than a half-translation,
 * and says which shipped pack it is waiting for (`missing`) so it can be fetched.
 */
export function resolveLocale(
  packs: readonly LocalePack[],
  configured?: string,
  overrides?: Partial<Strings>,
): ResolvedLocale {
  const all: LocalePack[] = [{ code: 'en', strings: en }, ...packs];
  // navigator.language is a preference, not the page's language: never fetch a pack for it alone.
  const declared = [configured, document.documentElement.lang];
  let pack: LocalePack | undefined;
  let missing: string | undefined;
  for (const c of [...declared, navigator.language]) {
    pack = pick(all, c);
    if (pack) break;
    if (c && declared.includes(c) && SHIPPED.includes(base(c))) missing ??= base(c);
  }
  pack ??= all[0]!;
  return {
    code: pack.code,
    dir: pack.dir ?? dirOf(pack.code),
    strings: { ...en, ...pack.strings, ...overrides },
    missing,
  };
}

// Digits other than 0–9 by default in CLDR; every other language skips Intl for small integers,
// whose first use costs ~17 ms of ICU start-up in a fresh renderer (the first prompt's budget).
const nativeDigits = /^(ar|fa|ps|bn|mr|ne|my)\b/i;

/** Replace `{n}` with a localised small integer. */
export function formatN(template: string, n: number, locale: string): string {
  const s = nativeDigits.test(locale) ? new Intl.NumberFormat(locale).format(n) : String(n);
  return template.replace('{n}', s);
}

/**
 * Pick the plural form for `n` (Arabic has six, Urdu two). Packs with only `one`/`other` need no
 * Intl: for the 1–10 a scale shows, `one` means exactly 1 in every such language.
 */
export function plural(forms: Strings['stars'], n: number, locale: string): string {
  const simple = Object.keys(forms).every((k) => k === 'one' || k === 'other');
  const cat = simple ? (n === 1 ? 'one' : 'other') : new Intl.PluralRules(locale).select(n);
  return formatN(forms[cat] ?? forms.other, n, locale);
}
