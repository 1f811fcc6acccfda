import { SCALES, type Scale } from '@raaye/protocol';
import type { SiteConfig } from '../config/types';
import type { RouteContext } from '../routes/context';
import type { OwedRecord } from '../store/types';
import { signLink } from './link-token';

/** Where links point: the configured public URL, else this request's origin and base path. */
export function linkBase(ctx: RouteContext): string {
  return ctx.deps.publicUrl ?? `${ctx.url.origin}${ctx.deps.basePath}`;
}

export interface OwedLinks {
  /** One link for SMS / WhatsApp / chat: a page that asks for the score. */
  sms: string;
  /** One link per score, for e-mail; a click opens the form with that score chosen. */
  scores: Array<{ score: number; url: string }>;
  /** `GET` (secret key): the ready HTML e-mail fragment with the score links. */
  email: string;
  expiresAt: string;
}

/** The links of an owed entry; they expire with it. */
export function owedLinks(ctx: RouteContext, site: SiteConfig, owed: OwedRecord): OwedLinks {
  const base = linkBase(ctx);
  const expiresAt = Date.parse(owed.expiresAt);
  const sms = signLink(site, { channel: 'sms', owedId: owed.id, expiresAt });
  const email = signLink(site, { channel: 'email', owedId: owed.id, expiresAt });
  const [min, max] = SCALES[(owed.scale ?? 'stars5') as Scale];
  const scores: OwedLinks['scores'] = [];
  for (let s = min; s <= max; s++) scores.push({ score: s, url: `${base}/r/${email}/${s}` });
  return {
    sms: `${base}/r/${sms}`,
    scores,
    email: `${base}/v1/owed/${owed.id}/email`,
    expiresAt: owed.expiresAt,
  };
}
