import { useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import { useStrings } from '../i18n/context';
import { LanguagePicker } from './LanguagePicker';

export interface SignInProps {
  /** Checks the key against the collector; rejects with an ApiError when it is refused. */
  onSignIn(key: string): Promise<void>;
  /** Why the last session ended. */
  notice?: string | undefined;
  onLanguage(lang: string): void;
}

/** Sign-in with the site's secret key; the key is checked with one authorised call first. */
export function SignIn({ onSignIn, notice, onLanguage }: SignInProps) {
  const t = useStrings();
  const [key, setKey] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const value = key.trim();
    if (!value.startsWith('sk_')) {
      setError(t.keyPrefix);
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onSignIn(value);
    } catch (e) {
      setBusy(false);
      if (isApiError(e) && e.status === 401) setError(t.keyRejected);
      else if (isApiError(e) && e.code === 'network') setError(t.unreachable);
      else setError(isApiError(e) ? e.message : t.signInFailed);
    }
  };

  return (
    <main class="sign-in">
      <div class="sign-in-head">
        <h1>{t.appName}</h1>
        <LanguagePicker onChange={onLanguage} />
      </div>
      {notice && <p class="notice">{notice}</p>}
      <form onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <h2 id="sign-in-title">{t.signIn}</h2>
        <label>
          {t.secretKey}
          <input
            type="password"
            name="key"
            autocomplete="off"
            spellcheck={false}
            dir="ltr"
            aria-describedby="key-hint"
            aria-invalid={error ? true : undefined}
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </label>
        <p id="key-hint" class="hint">
          {t.keyHint}
        </p>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.checking : t.signIn}
        </button>
      </form>
    </main>
  );
}
