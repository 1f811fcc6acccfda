import { useMemo, useState } from 'preact/hooks';
import { type Api, createApi } from '../api/client';
import { clearKey, loadKey, saveKey } from '../lib/session-key';
import { Dashboard } from './Dashboard';
import { SignIn } from './SignIn';

export interface AppProps {
  /** Where `/v1/…` lives; see `apiBase()`. */
  base: string;
  /** For tests: build the client another way. */
  createClient?: (key: string) => Api;
  pollMs?: number;
  now?: () => number;
  rtl?: boolean;
}

/** Signed out: the key form. Signed in: the dashboard, until logout or a refused key. */
export function App({ base, createClient, pollMs, now, rtl = false }: AppProps) {
  const make = createClient ?? ((key: string) => createApi({ base, key }));
  const [key, setKey] = useState<string | null>(() => loadKey());
  const [notice, setNotice] = useState<string>();
  const api = useMemo(() => (key ? make(key) : null), [key]);

  const signOut = (why?: string) => {
    clearKey();
    setKey(null);
    setNotice(why);
  };

  if (!api) {
    return (
      <SignIn
        notice={notice}
        onSignIn={async (candidate) => {
          // One authorised read proves the key before it is kept.
          await make(candidate).stats({});
          saveKey(candidate);
          setNotice(undefined);
          setKey(candidate);
        }}
      />
    );
  }
  return (
    <Dashboard
      api={api}
      onLogout={() => signOut('You are logged out.')}
      onUnauthorized={() => signOut('The collector no longer accepts this key. Sign in again.')}
      pollMs={pollMs}
      now={now}
      rtl={rtl}
    />
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
