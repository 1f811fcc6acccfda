import { createHash, randomBytes } from 'node:crypto';
import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';
import type { Member } from './member-store';
import type { Role } from './roles';

/** Idle sessions end after a day; any session ends a week after sign-in. */
export const SESSION_IDLE_MS = 24 * 3600_000;
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
// Writing last_seen on every request would turn reads into writes; once a minute is enough.
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

export interface Session {
  siteId: string;
  member: Member;
  csrf: string;
  expiresAt: string;
}

interface SessionRow {
  site_id: string;
  member_id: string;
  csrf: string;
  expires_at: string;
  last_seen_at: string;
  email: string;
  name: string;
  role: Role;
  created_at: string;
}

export function sessionStore(db: SqlClient) {
  return {
    /** Returns the cookie value (shown once) and the CSRF token. */
    async create(
      member: Member,
      now: number,
    ): Promise<{ token: string; csrf: string; expiresAt: string }> {
      const token = newToken('rs_');
      const csrf = randomBytes(24).toString('base64url');
      const expiresAt = new Date(now + SESSION_MAX_MS).toISOString();
      const at = new Date(now).toISOString();
      await db.query(
        `INSERT INTO raaye_sessions (token_hash, site_id, member_id, csrf, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3::uuid, $4, $5::timestamptz, $5::timestamptz, $6::timestamptz)`,
        [hashToken(token), member.siteId, member.id, csrf, at, expiresAt],
      );
      return { token, csrf, expiresAt };
    },

    /** The live session for a cookie value, or null (unknown, expired or idle too long). */
    async find(token: string, now: number): Promise<Session | null> {
      const [row] = await db.query<SessionRow>(
        `SELECT s.site_id, s.member_id::text AS member_id, s.csrf, ${iso('s.expires_at')} AS expires_at,
           ${iso('s.last_seen_at')} AS last_seen_at, m.email, m.name, m.role, ${iso('m.created_at')} AS created_at
         FROM raaye_sessions s JOIN raaye_members m ON m.site_id = s.site_id AND m.id = s.member_id
         WHERE s.token_hash = $1`,
        [hashToken(token)],
      );
      if (!row) return null;
      const lastSeen = Date.parse(row.last_seen_at);
      if (Date.parse(row.expires_at) <= now || lastSeen + SESSION_IDLE_MS <= now) return null;
      if (now - lastSeen >= TOUCH_EVERY_MS) {
        await db.query(
          'UPDATE raaye_sessions SET last_seen_at = $2::timestamptz WHERE token_hash = $1',
          [hashToken(token), new Date(now).toISOString()],
        );
      }
      return {
        siteId: row.site_id,
        csrf: row.csrf,
        expiresAt: row.expires_at,
        member: {
          id: row.member_id,
          siteId: row.site_id,
          email: row.email,
          name: row.name,
          role: row.role,
          createdAt: row.created_at,
        },
      };
    },

    async end(token: string): Promise<void> {
      await db.query('DELETE FROM raaye_sessions WHERE token_hash = $1', [hashToken(token)]);
    },

    /** Sign-out everywhere: every session of the member, on every device. */
    async endAll(siteId: string, memberId: string): Promise<number> {
      const rows = await db.query(
        'DELETE FROM raaye_sessions WHERE site_id = $1 AND member_id = $2::uuid RETURNING 1',
        [siteId, memberId],
      );
      return rows.length;
    },

    /** Drops expired rows; called now and then so the table does not grow forever. */
    async sweep(now: number): Promise<void> {
      await db.query(
        'DELETE FROM raaye_sessions WHERE expires_at <= $1::timestamptz OR last_seen_at <= $2::timestamptz',
        [new Date(now).toISOString(), new Date(now - SESSION_IDLE_MS).toISOString()],
      );
    },
  };
}

export type SessionStore = ReturnType<typeof sessionStore>;
