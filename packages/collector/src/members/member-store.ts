import type { Member, Role } from '@raaye/protocol';
import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';

export type { Member };

interface MemberRow {
  id: string;
  site_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: string;
  password_hash: string;
}

const COLUMNS = `id::text AS id, site_id, email, name, role, ${iso('created_at')} AS created_at, password_hash`;

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  siteId: r.site_id,
  email: r.email,
  name: r.name,
  role: r.role,
  createdAt: r.created_at,
});

/** E-mail addresses compare case-insensitively everywhere. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** SQL for members; every query is scoped by site. */
export function memberStore(db: SqlClient) {
  return {
    /** Null when the e-mail is already a member of that site. */
    async add(
      siteId: string,
      input: { email: string; name: string; role: Role; passwordHash: string },
      at: string,
    ): Promise<Member | null> {
      const rows = await db.query<MemberRow>(
        `INSERT INTO raaye_members (site_id, id, email, name, role, password_hash, created_at)
         VALUES ($1, $2::uuid, $3, $4, $5, $6, $7::timestamptz)
         ON CONFLICT (site_id, email) DO NOTHING RETURNING ${COLUMNS}`,
        [
          siteId,
          crypto.randomUUID(),
          normalizeEmail(input.email),
          input.name,
          input.role,
          input.passwordHash,
          at,
        ],
      );
      return rows[0] ? toMember(rows[0]) : null;
    },

    async list(siteId: string): Promise<Member[]> {
      const rows = await db.query<MemberRow>(
        `SELECT ${COLUMNS} FROM raaye_members WHERE site_id = $1 ORDER BY created_at, email`,
        [siteId],
      );
      return rows.map(toMember);
    },

    async get(siteId: string, id: string): Promise<Member | null> {
      const rows = await db.query<MemberRow>(
        `SELECT ${COLUMNS} FROM raaye_members WHERE site_id = $1 AND id = $2::uuid`,
        [siteId, id],
      );
      return rows[0] ? toMember(rows[0]) : null;
    },

    /** Every membership of an e-mail (one per site), with the hash, for sign-in. */
    async byEmail(email: string): Promise<Array<Member & { passwordHash: string }>> {
      const rows = await db.query<MemberRow>(
        `SELECT ${COLUMNS} FROM raaye_members WHERE email = $1 ORDER BY site_id LIMIT 50`,
        [normalizeEmail(email)],
      );
      return rows.map((r) => ({ ...toMember(r), passwordHash: r.password_hash }));
    },

    async update(
      siteId: string,
      id: string,
      patch: { role?: Role; name?: string; passwordHash?: string },
    ): Promise<Member | null> {
      const rows = await db.query<MemberRow>(
        `UPDATE raaye_members SET role = coalesce($3, role), name = coalesce($4, name),
           password_hash = coalesce($5, password_hash)
         WHERE site_id = $1 AND id = $2::uuid RETURNING ${COLUMNS}`,
        [siteId, id, patch.role ?? null, patch.name ?? null, patch.passwordHash ?? null],
      );
      return rows[0] ? toMember(rows[0]) : null;
    },

    /** Sessions go with the member (ON DELETE CASCADE). */
    async remove(siteId: string, id: string): Promise<boolean> {
      const rows = await db.query(
        'DELETE FROM raaye_members WHERE site_id = $1 AND id = $2::uuid RETURNING 1',
        [siteId, id],
      );
      return rows.length > 0;
    },

    async countOwners(siteId: string): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM raaye_members WHERE site_id = $1 AND role = 'owner'`,
        [siteId],
      );
      return Number(row?.n ?? 0);
    },
  };
}

export type MemberStore = ReturnType<typeof memberStore>;
