import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Api, createApi } from '../api/client';
import { LANGUAGES, pickLanguage, type Strings, StringsContext } from '../i18n/context';
import { clearKey, loadKey, saveKey } from '../lib/session-key';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';

export interface AppProps {
  /** Where `/v1/…` lives; see `apiBase()`. */
  base: string;
  /** The reader's languages, best first. @default navigator.languages */
  languages?: readonly string[];
  /** For tests: build the client another way. */
  createClient?: (key: string) => Api;
  pollMs?: number;
  now?: () => number;
}

/** Signed out: the key form. Signed in: the dashboard, until logout or a refused key. */
export function App({ base, languages, createClient, pollMs, now }: AppProps) {
  const make = createClient ?? ((key: string) => createApi({ base, key }));
  const [strings, setStrings] = useState<Strings>(() =>
    pickLanguage(languages ?? globalThis.navigator?.languages ?? []),
  );
  const [key, setKey] = useState<string | null>(() => loadKey());
  const [why, setWhy] = useState<'loggedOut' | 'keyRevoked'>();
  const api = useMemo(() => (key ? make(key) : null), [key]);

  // The page's language and direction follow the chosen pack; charts mirror with it.
  useEffect(() => {
    document.documentElement.lang = strings.lang;
    document.documentElement.dir = strings.dir;
  }, [strings]);

  const signOut = (reason: 'loggedOut' | 'keyRevoked') => {
    clearKey();
    setKey(null);
    setWhy(reason);
  };
  const onLanguage = (lang: string) => setStrings(LANGUAGES[lang] ?? strings);

  return (
    <StringsContext.Provider value={strings}>
      {api ? (
        <Dashboard
          api={api}
          onLogout={() => signOut('loggedOut')}
          onUnauthorized={() => signOut('keyRevoked')}
          onLanguage={onLanguage}
          pollMs={pollMs}
          now={now}
        />
      ) : (
        <SignIn
          notice={why && strings[why]}
          onLanguage={onLanguage}
          onSignIn={async (candidate) => {
            // One authorised read proves the key before it is kept.
            await make(candidate).stats({});
            saveKey(candidate);
            setWhy(undefined);
            setKey(candidate);
          }}
        />
      )}
    </StringsContext.Provider>
  );
}

/**
 * The API's base path, from where the dashboard is served: `/dashboard/` → ``,
 * `/raaye/dashboard/` → `/raaye` (the collector's `basePath`).
 */
export function apiBase(pathname: string): string {
  const i = pathname.lastIndexOf('/dashboard/');
  return i > 0 ? pathname.slice(0, i) : '';
}
