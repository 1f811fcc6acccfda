import { en, type Strings } from './en';

/** What the language picker needs to know of a pack without loading it. */
export interface Language {
  /** BCP 47 primary language subtag. */
  lang: string;
  /** The language's name in itself, as the picker shows it. */
  name: string;
  dir: 'ltr' | 'rtl';
}

/**
 * The product's ten languages, the same as the widget's packs and the reply e-mails'. Only
 * Arabic and Urdu are written right to left. A test checks that each pack agrees with its entry.
 */
export const LANGUAGES: readonly Language[] = [
  { lang: 'en', name: 'English', dir: 'ltr' },
  { lang: 'ar', name: 'العربية', dir: 'rtl' },
  { lang: 'de', name: 'Deutsch', dir: 'ltr' },
  { lang: 'es', name: 'Español', dir: 'ltr' },
  { lang: 'fr', name: 'Français', dir: 'ltr' },
  { lang: 'hi', name: 'हिन्दी', dir: 'ltr' },
  { lang: 'id', name: 'Bahasa Indonesia', dir: 'ltr' },
  { lang: 'pt', name: 'Português', dir: 'ltr' },
  { lang: 'tr', name: 'Türkçe', dir: 'ltr' },
  { lang: 'ur', name: 'اردو', dir: 'rtl' },
];

// English is in the main bundle (it is the fallback and the type every pack implements); the
// other packs are separate chunks, so a reader downloads only the language they use and the
// dashboard's size budget does not grow with each language added.
const LOADERS: Record<string, () => Promise<Strings>> = {
  en: async () => en,
  ar: () => import('./ar').then((m) => m.ar),
  de: () => import('./de').then((m) => m.de),
  es: () => import('./es').then((m) => m.es),
  fr: () => import('./fr').then((m) => m.fr),
  hi: () => import('./hi').then((m) => m.hi),
  id: () => import('./id').then((m) => m.id),
  pt: () => import('./pt').then((m) => m.pt),
  tr: () => import('./tr').then((m) => m.tr),
  ur: () => import('./ur').then((m) => m.ur),
};

const loaded = new Map<string, Strings>([['en', en]]);

/** The first of the reader's languages that the dashboard has, else English. */
export function pickLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split('-')[0] ?? '';
    if (lang in LOADERS) return lang;
  }
  return 'en';
}

/** A pack already loaded, so switching back to it does not flash through a loading state. */
export const loadedStrings = (lang: string): Strings | undefined => loaded.get(lang);

/** Loads a language's pack (English for an unknown language). */
export async function loadStrings(lang: string): Promise<Strings> {
  const pack = loaded.get(lang) ?? (await (LOADERS[lang] ?? LOADERS.en!)());
  loaded.set(pack.lang, pack);
  return pack;
}
