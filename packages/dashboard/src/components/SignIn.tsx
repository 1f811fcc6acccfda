import { useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';

export interface SignInProps {
  /** Checks the key against the collector; rejects with an ApiError when it is refused. */
  onSignIn(key: string): Promise<void>;
  /** Why the last session ended, if it did not end by logging out. */
  notice?: string | undefined;
}

/** Sign-in with the site's secret key; the key is checked with one authorised call first. */
export function SignIn({ onSignIn, notice }: SignInProps) {
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = key.trim();
    if (!value.startsWith('sk_')) {
      setError('A secret key starts with sk_ (the public pk_ key cannot read ratings).');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onSignIn(value);
    } catch (e) {
      setBusy(false);
      setError(
        isApiError(e) && e.status === 401
          ? 'The collector did not accept this key.'
          : isApiError(e)
            ? e.message
            : 'Sign-in failed.',
      );
    }
  };

  return (
    <main class="sign-in">
      <h1>Raaye dashboard</h1>
      {notice && <p class="notice">{notice}</p>}
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h2 id="sign-in-title">Sign in</h2>
        <label>
          Secret key
          <input
            type="password"
            name="key"
            autocomplete="off"
            spellcheck={false}
            required
            aria-describedby="key-hint"
            aria-invalid={error ? true : undefined}
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </label>
        <p id="key-hint" class="hint">
          The site's secret key (sk_…). It stays in this tab only and is cleared when you log out or
          close the tab.
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
