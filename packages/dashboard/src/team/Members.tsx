import { ROLES } from '@raaye/protocol';
import { useEffect, useState } from 'preact/hooks';
import { isApiError } from '../api/ApiError';
import type { Api } from '../api/client';
import type { Member, Role } from '../api/types';
import { useStrings } from '../i18n/context';

/** Owners only: who is on the team, their roles; add and remove people. */
export function Members({
  api,
  me,
  announce,
}: {
  api: Api;
  me: Member;
  announce(message: string): void;
}) {
  const t = useStrings();
  const tt = t.team;
  const [members, setMembers] = useState<Member[]>([]);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const reload = () => api.members().then(setMembers, () => {});
  useEffect(() => void reload(), [api]);

  const guard = async (work: () => Promise<void>) => {
    setError('');
    try {
      await work();
      await reload();
    } catch (e) {
      setError(isApiError(e) ? e.message : tt.failed);
    }
  };

  const add = (event: Event) => {
    event.preventDefault();
    void guard(async () => {
      const m = await api.addMember({
        email: email.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        role,
        password,
      });
      announce(tt.memberAdded(m.email));
      setEmail('');
      setName('');
      setPassword('');
    });
  };

  return (
    <section class="members" aria-labelledby="members-title">
      <h2 id="members-title">{tt.members}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{tt.name}</th>
            <th scope="col">{tt.email}</th>
            <th scope="col">{tt.role}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">{m.name}</th>
              <td dir="ltr">{m.email}</td>
              <td>
                <select
                  aria-label={`${tt.role}: ${m.name}`}
                  value={m.role}
                  disabled={m.id === me.id}
                  onChange={(e) =>
                    void guard(
                      async () =>
                        void (await api.updateMember(m.id, {
                          role: e.currentTarget.value as Role,
                        })),
                    )
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {tt.roles[r]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                {m.id !== me.id && (
                  <button type="button" onClick={() => void guard(() => api.removeMember(m.id))}>
                    {tt.remove(m.name)}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="add-member" onSubmit={add}>
        <h3>{tt.addMember}</h3>
        <label>
          {tt.email}
          <input
            type="email"
            dir="ltr"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label>
          {tt.name}
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          {tt.role}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tt.roles[r]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {tt.initialPassword}
          <input
            type="password"
            dir="ltr"
            autocomplete="new-password"
            required
            minLength={10}
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit">{tt.addMember}</button>
      </form>
    </section>
  );
}
