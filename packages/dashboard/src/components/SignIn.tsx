import { useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import { useStrings } from '../i18n/context';
import { Field } from './Field';
import { FormError } from './FormError';
import { LanguagePicker } from './LanguagePicker';

export interface SignInProps {
  /** Rejects with an ApiError when refused (`site_required` carries the sites to choose from). */
  onSignIn(email: string, password: string, site?: string): Promise<void>;
  /** Why the last session ended. */
  notice?: string | undefined;
  onLanguage(lang: string): void;
}

/** E-mail and password; a site picker appears only when the e-mail opens several sites. */
export function SignIn({ onSignIn, notice, onLanguage }: SignInProps) {
  const t = useStrings();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sites, setSites] = useState<string[]>([]);
  const [site, setSite] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await onSignIn(email.trim(), password, sites.length > 0 ? site || sites[0] : undefined);
    } catch (e) {
      setBusy(false);
      if (isApiError(e) && e.code === 'site_required' && e.sites) {
        setSites(e.sites);
        setSite(e.sites[0] ?? '');
        setError(t.team.siteRequired);
      } else if (isApiError(e) && (e.status === 401 || e.status === 400))
        setError(t.team.wrongPassword);
      else if (isApiError(e) && e.status === 429) setError(t.team.tooManyTries);
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
        {/* Both are marked invalid together: the collector does not say which one was wrong. */}
        <Field
          label={t.team.email}
          type="email"
          name="email"
          autocomplete="username"
          dir="ltr"
          required
          aria-invalid={error ? true : undefined}
          value={email}
          onValue={setEmail}
        />
        <Field
          label={t.team.password}
          type="password"
          name="password"
          autocomplete="current-password"
          dir="ltr"
          required
          aria-invalid={error ? true : undefined}
          value={password}
          onValue={setPassword}
        />
        {sites.length > 0 && (
          <label>
            {t.team.chooseSite}
            <select value={site} onChange={(e) => setSite(e.currentTarget.value)}>
              {sites.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        )}
        <FormError message={error} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t.checking : t.signIn}
        </button>
      </form>
    </main>
  );
}
