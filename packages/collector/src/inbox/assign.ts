import type { Member } from '../members/member-store';
import type { InboxSettings } from './settings';

/**
 * Who may take a follow-up of this interaction type: the members listed for the type (not
 * viewers), else (round-robin mode) the site's agents; in id order, the order turns go in.
 */
export function assigneePool(
  settings: InboxSettings,
  members: readonly Member[],
  interactionType: string | null,
): Member[] {
  const listed = interactionType ? settings.assignment.byType[interactionType] : undefined;
  return (
    listed
      ? members.filter((m) => m.role !== 'viewer' && listed.includes(m.email))
      : settings.assignment.mode === 'round-robin'
        ? members.filter((m) => m.role === 'agent')
        : []
  ).sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Whether the type has its own list (the activity log names the rule that chose). */
export const assignedByType = (settings: InboxSettings, interactionType: string | null) =>
  interactionType !== null && settings.assignment.byType[interactionType] !== undefined;

/**
 * The site's turn: the first member of `pool` after whoever took the last follow-up (`last`, a
 * member id; one turn across all pools), wrapping round. Null when the pool is empty.
 */
export function nextInTurn(pool: readonly Member[], last: string | null): Member | null {
  if (pool.length === 0) return null;
  const after = last ?? '';
  return pool.find((m) => m.id > after) ?? pool[0]!;
}

export interface Assignment {
  assignee: Member | null;
  byType: boolean;
}

/**
 * Assigns follow-ups in the order given, each taking the turn after the previous one, exactly
 * as assigning them one at a time would. `needs[i]` false (already replied): no assignee, the
 * turn does not move. Returns each one's assignee and the turn after the last.
 */
export function assignInTurn(
  settings: InboxSettings,
  members: readonly Member[],
  followUps: ReadonlyArray<{ interactionType: string | null; needsAssignee: boolean }>,
  last: string | null,
): { assignments: Assignment[]; last: string | null } {
  let turn = last;
  const pools = new Map<string | null, Member[]>();
  const assignments = followUps.map(({ interactionType, needsAssignee }): Assignment => {
    const byType = assignedByType(settings, interactionType);
    if (!needsAssignee) return { assignee: null, byType };
    let pool = pools.get(interactionType);
    if (!pool) {
      pool = assigneePool(settings, members, interactionType);
      pools.set(interactionType, pool);
    }
    const assignee = nextInTurn(pool, turn);
    if (assignee) turn = assignee.id;
    return { assignee, byType };
  });
  return { assignments, last: turn };
}
