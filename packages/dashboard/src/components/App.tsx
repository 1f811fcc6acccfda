import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { type Api, createApi } from '../api/client';
import type { Session } from '../api/types';
import {
  en,
  loadedStrings,
  loadStrings,
  pickLanguage,
  type Strings,
  StringsContext,
} from '../i18n/context';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';

export interface AppProps {
  /** Where `/v1/…` lives; see `apiBase()`. */
  base: string;
  /** The reader's languages, best first. @default navigator.languages */
  languages?: readonly string[];
  /** For tests: the API client. */
  api?: Api;
  pollMs?: number;
  now?: () => number;
}

/**
 * Signed out: the e-mail and password form. Signed in (the session cookie, which this script
 * cannot read): the dashboard, until sign-out or the session ends.
 */
export function App({ base, languages, api: given, pollMs, now }: AppProps) {
  const api = useMemo(() => given ?? createApi({ base }), [given, base]);
  const [lang] = useState(() => pickLanguage(languages ?? globalThis.navigator?.languages ?? []));
  // Undefined while the reader's pack loads (English is at hand; the others are chunks).
  const [strings, setStrings] = useState<Strings | undefined>(() => loadedStrings(lang));
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [why, setWhy] = useState<'loggedOut' | 'sessionEnded'>();

  // A cookie from an earlier visit may still be good: ask once.
  useEffect(() => {
    api.session().then(setSession, () => setSession(null));
  }, [api]);

  useEffect(() => {
    if (!strings) loadStrings(lang).then(setStrings, () => setStrings(en));
  }, [lang, strings]);

  // The page's language and direction follow the chosen pack (before paint, so a right-to-left
  // page never flashes left to right); charts mirror with it.
  useLayoutEffect(() => {
    if (!strings) return;
    document.documentElement.lang = strings.lang;
    document.documentElement.dir = strings.dir;
  }, [strings]);

  // A pack that fails to load (the collector went away) leaves the current one in place.
  const onLanguage = (next: string) => void loadStrings(next).then(setStrings, () => {});
  const signOut = async (everywhere: boolean) => {
    await api.signOut(everywhere).catch(() => {});
    setSession(null);
    setWhy('loggedOut');
  };

  if (!strings) return <main class="sign-in" aria-busy="true" />;
  return (
    <StringsContext.Provider value={strings}>
      {session === undefined ? (
        <main class="sign-in">
          <p>{strings.loading}</p>
        </main>
      ) : session ? (
        <Dashboard
          api={api}
          session={session}
          onLogout={(everywhere) => void signOut(everywhere)}
          onUnauthorized={() => {
            setSession(null);
            setWhy('sessionEnded');
          }}
          onLanguage={onLanguage}
          pollMs={pollMs}
          now={now}
        />
      ) : (
        <SignIn
          notice={why === 'loggedOut' ? strings.loggedOut : why && strings.team.sessionEnded}
          onLanguage={onLanguage}
          onSignIn={async (email, password, site) => {
            setSession(await api.signIn(email, password, site));
            setWhy(undefined);
          }}
        />
      )}
    </StringsContext.Provider>
  );
}

/**
 * The API's base path, from where the dashboard is served: `/dashboard/` → ``,
 * `/raaye/dashboard/` → `/raaye` (the collector's `basePath`). Only ever a path on the page's
 * own origin: served at `//evil.example/dashboard/`, the prefix `//evil.example` would make
 * `fetch('//evil.example/v1/…')` go to another host (a scheme-relative URL), and so would
 * `/\evil.example` once a browser reads `\` as `/`. Anything that does not resolve to `origin`
 * gives `` (the API beside the page's origin root), never another host.
 */
export function apiBase(pathname: string, origin: string): string {
  const i = pathname.lastIndexOf('/dashboard/');
  const base = i > 0 ? pathname.slice(0, i) : '';
  if (base === '') return '';
  if (!/^\/[^/\\]/.test(base)) return '';
  try {
    return new URL(`${base}/v1/`, origin).origin === new URL(origin).origin ? base : '';
  } catch {
    return '';
  }
}
