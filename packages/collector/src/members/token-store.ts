import type { ApiToken, TokenScope } from '@raaye/protocol';
import { iso } from '../store/row-mapping';
import type { SqlClient } from '../store/sql-client';
import { hashToken, newToken } from './session-store';

export type { ApiToken, TokenScope };

interface TokenRow {
  id: string;
  site_id: string;
  name: string;
  scope: TokenScope;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
}

const COLUMNS = `id::text AS id, site_id, name, scope, created_by, ${iso('created_at')} AS created_at,
  ${iso('last_used_at')} AS last_used_at`;

const toToken = (r: TokenRow): ApiToken => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  scope: r.scope,
  createdBy: r.created_by,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
});

/** Token prefix: tells a scoped token from a site's secret key (`sk_`) at a glance and in logs. */
export const TOKEN_PREFIX = 'rt_';

export function tokenStore(db: SqlClient) {
  return {
    /** The secret is returned here only; the table keeps its hash. */
    async create(
      siteId: string,
      input: { name: string; scope: TokenScope; createdBy: string },
      at: string,
    ): Promise<{ token: ApiToken; secret: string }> {
      const secret = newToken(TOKEN_PREFIX);
      const [row] = await db.query<TokenRow>(
        `INSERT INTO raaye_api_tokens (site_id, id, name, scope, token_hash, created_by, created_at)
         VALUES ($1, $2::uuid, $3, $4, $5, $6, $7::timestamptz) RETURNING ${COLUMNS}`,
        [
          siteId,
          crypto.randomUUID(),
          input.name,
          input.scope,
          hashToken(secret),
          input.createdBy,
          at,
        ],
      );
      return { token: toToken(row!), secret };
    },

    async find(secret: string, at: string): Promise<ApiToken | null> {
      const rows = await db.query<TokenRow>(
        `UPDATE raaye_api_tokens SET last_used_at = $2::timestamptz WHERE token_hash = $1
         RETURNING ${COLUMNS}`,
        [hashToken(secret), at],
      );
      return rows[0] ? toToken(rows[0]) : null;
    },

    async list(siteId: string): Promise<ApiToken[]> {
      const rows = await db.query<TokenRow>(
        `SELECT ${COLUMNS} FROM raaye_api_tokens WHERE site_id = $1 ORDER BY created_at`,
        [siteId],
      );
      return rows.map(toToken);
    },

    async revoke(siteId: string, id: string): Promise<boolean> {
      const rows = await db.query(
        'DELETE FROM raaye_api_tokens WHERE site_id = $1 AND id = $2::uuid RETURNING 1',
        [siteId, id],
      );
      return rows.length > 0;
    },
  };
}
