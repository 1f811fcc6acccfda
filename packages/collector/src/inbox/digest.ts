import type { Member } from '../members/member-store';
import { localParts } from '../sla/zoned-time';
import type { SqlClient } from '../store/sql-client';
import type { EmitEvents } from './events';
import { recipient } from './recipients';
import type { InboxSettings } from './settings';

/**
 * Once a day, at `digestHour` in the site's time zone (UTC without business hours): an
 * `inbox.digest` event to owners and agents with what is waiting. The date is claimed with a
 * conditional UPDATE in the same transaction, so two collectors never send it twice.
 */
export async function sendDigest(
  db: SqlClient,
  siteId: string,
  settings: InboxSettings,
  members: readonly Member[],
  emit: EmitEvents,
  now: number,
): Promise<boolean> {
  if (settings.digestHour === null) return false;
  const local = localParts(now, settings.businessHours?.timeZone ?? 'UTC');
  if (local.hour < settings.digestHour) return false;
  const day = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  const at = new Date(now).toISOString();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO raaye_inbox_settings (site_id, settings, updated_at) VALUES ($1, '{}', $2::timestamptz)
       ON CONFLICT (site_id) DO NOTHING`,
      [siteId, at],
    );
    const claimed = await tx.query(
      `UPDATE raaye_inbox_settings SET last_digest_on = $2::date
       WHERE site_id = $1 AND (last_digest_on IS NULL OR last_digest_on < $2::date) RETURNING 1`,
      [siteId, day],
    );
    if (claimed.length === 0) return false;
    const [counts] = await tx.query<{
      waiting: number;
      overdue: number;
      due_today: number;
      replied: number;
    }>(
      `SELECT count(*) FILTER (WHERE first_reply_at IS NULL AND status IN ('open', 'assigned'))::int AS waiting,
         count(*) FILTER (WHERE first_reply_at IS NULL AND status IN ('open', 'assigned') AND due_at <= $2::timestamptz)::int AS overdue,
         count(*) FILTER (WHERE first_reply_at IS NULL AND status IN ('open', 'assigned') AND due_at > $2::timestamptz
           AND due_at <= $2::timestamptz + interval '1 day')::int AS due_today,
         count(*) FILTER (WHERE first_reply_at > $2::timestamptz - interval '1 day')::int AS replied
       FROM raaye_followups WHERE site_id = $1`,
      [siteId, at],
    );
    const recipients = members.filter((m) => m.role !== 'viewer').map(recipient);
    await emit(
      tx,
      siteId,
      [
        {
          type: 'inbox.digest',
          data: {
            site: siteId,
            day,
            waiting: Number(counts?.waiting ?? 0),
            overdue: Number(counts?.overdue ?? 0),
            dueWithinADay: Number(counts?.due_today ?? 0),
            repliedInTheLastDay: Number(counts?.replied ?? 0),
            recipients,
          },
        },
      ],
      at,
    );
    return true;
  });
}
