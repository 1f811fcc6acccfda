import { ROLES } from '@raaye/protocol';
import { useState } from 'preact/hooks';
import type { Api } from '../api/client';
import type { Member, Role } from '../api/types';
import { Field } from '../components/Field';
import { Table } from '../components/Table';
import { useStrings } from '../i18n/context';
import { AdminForm } from './AdminForm';

import { useAdminList } from './use-admin-list';

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
  const tt = useStrings().team;
  const { items: members, error, guard } = useAdminList(api, 'members', tt.failed);
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');

  const add = () =>
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

  // A function, not one array: a vnode may stand in one place of the tree only.
  const roles = () =>
    ROLES.map((r) => (
      <option key={r} value={r}>
        {tt.roles[r]}
      </option>
    ));

  return (
    <section class="members admin" aria-labelledby="members-title">
      <h2 id="members-title">{tt.members}</h2>
      <Table actions head={[tt.name, tt.email, tt.role]}>
        {members.map((m) => (
          <tr key={m.id}>
            <th scope="row">{m.name}</th>
            <td dir="ltr">{m.email}</td>
            <td>
              <select
                aria-label={`${tt.role}: ${m.name}`}
                value={m.role}
                disabled={m.id === me.id}
                onChange={(e) => {
                  const role = e.currentTarget.value as Role;
                  void guard(async () => void (await api.updateMember(m.id, { role })));
                }}
              >
                {roles()}
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
      </Table>
      <AdminForm class="add-member" title={tt.addMember} error={error} onSubmit={add}>
        <Field label={tt.email} type="email" dir="ltr" required value={email} onValue={setEmail} />
        <Field label={tt.name} value={name} onValue={setName} />
        <label>
          {tt.role}
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {roles()}
          </select>
        </label>
        <Field
          label={tt.initialPassword}
          type="password"
          dir="ltr"
          autocomplete="new-password"
          required
          minLength={10}
          value={password}
          onValue={setPassword}
        />
      </AdminForm>
    </section>
  );
}
