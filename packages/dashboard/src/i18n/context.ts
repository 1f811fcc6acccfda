import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, type Strings } from './en';

export type { Language } from './languages';
export { LANGUAGES, loadedStrings, loadStrings, pickLanguage } from './languages';
export type { Strings };
export { en };

export const StringsContext = createContext<Strings>(en);

export const useStrings = (): Strings => useContext(StringsContext);
