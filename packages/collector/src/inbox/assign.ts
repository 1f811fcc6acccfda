import type { Member } from '../members/member-store';
import type { SqlClient } from '../store/sql-client';
import type { InboxSettings } from './settings';

/**
 * Who takes a new follow-up: the members listed for its interaction type, else (round-robin
 * mode) the site's agents; each in turn, after whoever took the last one. Null when nobody fits.
 * Runs inside the caller's transaction; the row lock on the site's settings makes concurrent
 * collectors take turns instead of handing two follow-ups to the same person.
 */
export async function chooseAssignee(
  tx: SqlClient,
  siteId: string,
  settings: InboxSettings,
  members: readonly Member[],
  interactionType: string | null,
  at: string,
): Promise<Member | null> {
  const listed = interactionType ? settings.assignment.byType[interactionType] : undefined;
  const pool = (
    listed
      ? members.filter((m) => m.role !== 'viewer' && listed.includes(m.email))
      : settings.assignment.mode === 'round-robin'
        ? members.filter((m) => m.role === 'agent')
        : []
  ).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (pool.length === 0) return null;
  await tx.query(
    `INSERT INTO raaye_inbox_settings (site_id, settings, updated_at) VALUES ($1, '{}', $2::timestamptz)
     ON CONFLICT (site_id) DO NOTHING`,
    [siteId, at],
  );
  const [row] = await tx.query<{ last: string | null }>(
    'SELECT round_robin_last::text AS last FROM raaye_inbox_settings WHERE site_id = $1 FOR UPDATE',
    [siteId],
  );
  const last = row?.last ?? '';
  const next = pool.find((m) => m.id > last) ?? pool[0]!;
  await tx.query('UPDATE raaye_inbox_settings SET round_robin_last = $2::uuid WHERE site_id = $1', [
    siteId,
    next.id,
  ]);
  return next;
}
