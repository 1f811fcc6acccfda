import type { Member } from '../members/member-store';
import type { Recipient } from './events';

export const recipient = (m: Member): Recipient => ({
  memberId: m.id,
  email: m.email,
  name: m.name,
  role: m.role,
});

/** The assignee (when there is one) and every owner, once each. */
export function assigneeAndOwners(
  members: readonly Member[],
  assigneeId: string | null,
): Recipient[] {
  const chosen = members.filter((m) => m.id === assigneeId || m.role === 'owner');
  return chosen.map(recipient);
}
