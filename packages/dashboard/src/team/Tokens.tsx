import { useState } from 'preact/hooks';
import type { Api } from '../api/client';
import { Field } from '../components/Field';
import { Table } from '../components/Table';
import { useStrings } from '../i18n/context';
import { AdminForm } from './AdminForm';

import type { TokenScope } from './types';
import { useAdminList } from './use-admin-list';

const SCOPES: TokenScope[] = ['read', 'full'];

/**
 * Owners only: API tokens for the site's servers (read-only or full), so the secret key never
 * has to be typed into a browser. A new token's secret is shown once, right after it is made.
 */
export function Tokens({ api, announce }: { api: Api; announce(message: string): void }) {
  const t = useStrings();
  const tt = t.team.tokens;
  const { items: tokens, error, guard } = useAdminList(api, 'tokens', t.team.failed);
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(`${t.lang}-u-nu-latn`) : tt.never;

  const create = () =>
    void guard(async () => {
      const made = await api.createToken(name.trim(), scope);
      setCreated({ name: made.token.name, secret: made.secret });
      setName('');
    });

  return (
    <section class="tokens admin" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{tt.title}</h2>
      <p class="hint">{tt.intro}</p>
      {tokens.length === 0 ? (
        <p class="empty">{tt.none}</p>
      ) : (
        <Table actions head={[tt.name, tt.scope, tt.createdBy, tt.created, tt.lastUsed]}>
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
        </Table>
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
      <AdminForm class="add-token" title={tt.create} error={error} onSubmit={create}>
        <Field label={tt.name} required maxLength={100} value={name} onValue={setName} />
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
      </AdminForm>
    </section>
  );
}
