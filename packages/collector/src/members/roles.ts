import type { Role } from '@raaye/protocol';

export { ROLES, type Role } from '@raaye/protocol';

/**
 * What a request needs: `read` (see ratings, stats, the inbox), `work` (assign, note, reply,
 * resolve, erase, record debts), `manage` (members, tokens, settings).
 */
export type Access = 'read' | 'work' | 'manage';

const ALLOWED: Record<Role, readonly Access[]> = {
  owner: ['read', 'work', 'manage'],
  agent: ['read', 'work'],
  viewer: ['read'],
};

/** The one rule of who may do what. API tokens act as `viewer` (read) or `agent` (full). */
export function roleAllows(role: Role, access: Access): boolean {
  return ALLOWED[role].includes(access);
}
