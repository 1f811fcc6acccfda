import { useEffect, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import { useStrings } from '../i18n/context';
import type { ApiToken, TokenScope } from './types';

const SCOPES: TokenScope[] = ['read', 'full'];

/**
 * Owners only: API tokens for the site's servers (read-only or full), so the secret key never
 * has to be typed into a browser. A new token's secret is shown once, right after it is made.
 */
export function Tokens({ api, announce }: { api: Api; announce(message: string): void }) {
  const t = useStrings();
  const tt = t.team.tokens;
  const [tokens, setTokens] = useState<ApiToken[]>([]);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [error, setError] = useState('');
  const reload = () => api.tokens().then(setTokens, () => {});
  useEffect(() => void reload(), [api]);

  const guard = async (work: () => Promise<void>) => {
    setError('');
    try {
      await work();
      await reload();
    } catch (e) {
      setError(isApiError(e) ? e.message : t.team.failed);
    }
  };
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(`${t.lang}-u-nu-latn`) : tt.never;

  const create = (event: Event) => {
    event.preventDefault();
    void guard(async () => {
      const made = await api.createToken(name.trim(), scope);
      setCreated({ name: made.token.name, secret: made.secret });
      setName('');
    });
  };

  return (
    <section class="tokens admin" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{tt.title}</h2>
      <p class="hint">{tt.intro}</p>
      {tokens.length === 0 ? (
        <p class="empty">{tt.none}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{tt.name}</th>
              <th scope="col">{tt.scope}</th>
              <th scope="col">{tt.createdBy}</th>
              <th scope="col">{tt.created}</th>
              <th scope="col">{tt.lastUsed}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id} data-token={token.id}>
                <th scope="row">
                  <bdi>{token.name}</bdi>
                </th>
                <td>{tt.scopes[token.scope]}</td>
                <td>
                  <bdi>{token.createdBy}</bdi>
                </td>
                <td>{when(token.createdAt)}</td>
                <td>{when(token.lastUsedAt)}</td>
                <td>
                  <button
                    type="button"
                    onClick={() =>
                      void guard(async () => {
                        await api.revokeToken(token.id);
                        if (created?.name === token.name) setCreated(null);
                        announce(tt.revoked(token.name));
                      })
                    }
                  >
                    {tt.revoke(token.name)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {created && (
        <div class="notice new-token" role="status">
          <label>
            {tt.secret(created.name)}
            <input
              readOnly
              dir="ltr"
              value={created.secret}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p>{tt.showOnce}</p>
          <button type="button" onClick={() => setCreated(null)}>
            {tt.done}
          </button>
        </div>
      )}
      <form class="add-token" onSubmit={create}>
        <h3>{tt.create}</h3>
        <label>
          {tt.name}
          <input
            required
            maxLength={100}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <fieldset>
          <legend>{tt.scope}</legend>
          {SCOPES.map((s) => (
            <label key={s} class="choice">
              <input
                type="radio"
                name="token-scope"
                value={s}
                checked={scope === s}
                onChange={() => setScope(s)}
              />
              <span>
                {tt.scopes[s]}
                <span class="hint"> — {tt.scopeHints[s]}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="primary">
          {tt.create}
        </button>
      </form>
    </section>
  );
}
