import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { ar } from './ar';
import { en, type Strings } from './en';
import { ur } from './ur';

export type { Strings };
export { ar, en, ur };

/** The language packs the dashboard ships, by BCP 47 primary language. */
export const LANGUAGES: Record<string, Strings> = { en, ar, ur };

/** The first of the reader's languages that has a pack, else English. */
export function pickLanguage(preferred: readonly string[]): Strings {
  for (const tag of preferred) {
    const pack = LANGUAGES[tag.toLowerCase().split('-')[0] ?? ''];
    if (pack) return pack;
  }
  return en;
}

export const StringsContext = createContext<Strings>(en);

export const useStrings = (): Strings => useContext(StringsContext);
