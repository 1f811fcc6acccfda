import { type LinkClaims, verifyLink } from '../channels/link-token';
import type { SiteConfig } from '../config/types';
import type { RouteContext } from '../routes/context';
import type { OwedRecord } from '../store/types';

/** A genuine link and the entry it stands for. */
export interface LiveLink {
  site: SiteConfig;
  claims: LinkClaims;
  owed: OwedRecord;
}

export type LinkState =
  | { kind: 'invalid' | 'expired' }
  | ({ kind: 'open' | 'settled' | 'cancelled' | 'expired' } & LiveLink);

/**
 * What a link stands for now, looked up in the one ledger: a rating on any channel settles the
 * entry, `DELETE /v1/owed/:id` cancels it, and it expires with the entry or the link.
 */
export async function linkState(ctx: RouteContext, token: string): Promise<LinkState> {
  const now = ctx.deps.now();
  const check = verifyLink(ctx.deps.sites, token, now);
  if (!check.ok) return { kind: check.reason };
  const owed = await ctx.deps.store.getOwed(check.site.id, check.claims.owedId);
  // Erased with the rater (DELETE /v1/raters/:id): as good as never issued.
  if (!owed) return { kind: 'invalid' };
  const base = { site: check.site, claims: check.claims, owed };
  if (owed.settledAt !== null) return { kind: 'settled', ...base };
  if (owed.cancelledAt !== null) return { kind: 'cancelled', ...base };
  if (Date.parse(owed.expiresAt) <= now) return { kind: 'expired', ...base };
  return { kind: 'open', ...base };
}
