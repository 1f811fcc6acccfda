import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SiteConfig } from '../config/types';
import type { LinkChannel } from './channel';
import { linkKey } from './link-key';

/** What a rating link stands for: an owed entry, the channel it was sent on, and its expiry. */
export interface LinkClaims {
  channel: LinkChannel;
  /** The owed entry's global id (decimal text). */
  owedId: string;
  /** Epoch ms, whole minutes. */
  expiresAt: number;
}

const CHANNEL_CODE: Record<LinkChannel, string> = { email: 'e', sms: 's' };
const CODE_CHANNEL: Record<string, LinkChannel> = { e: 'email', s: 'sms' };
// 96 bits of HMAC-SHA256: far beyond guessing at any request rate, and short enough for an SMS.
const MAC_CHARS = 16;
const TOKEN = /^([es])([0-9a-z]{1,12})\.([0-9a-z]{1,9})\.([A-Za-z0-9_-]{16})$/;
const MINUTE = 60_000;

function mac(site: SiteConfig, body: string): string {
  return createHmac('sha256', linkKey(site))
    .update(`raaye-link/v1\n${site.id}\n${body}`)
    .digest('base64url')
    .slice(0, MAC_CHARS);
}

/**
 * `e1z4.p0q1ab.<16 chars>`: channel, owed id and expiry (base 36), then the MAC. No personal data:
 * the rater, the interaction and the prompt stay in the collector's ledger.
 */
export function signLink(site: SiteConfig, claims: LinkClaims): string {
  const body = `${CHANNEL_CODE[claims.channel]}${BigInt(claims.owedId).toString(36)}.${Math.ceil(
    claims.expiresAt / MINUTE,
  ).toString(36)}`;
  return `${body}.${mac(site, body)}`;
}

export type LinkCheck =
  | { ok: true; site: SiteConfig; claims: LinkClaims }
  | { ok: false; reason: 'invalid' | 'expired' };

/**
 * Finds the site whose key signed `token` (every site is tried, so a forged token costs no
 * database work) and checks its expiry. Expiry is checked after the MAC, so "expired" is only
 * ever said of a genuine link.
 */
export function verifyLink(sites: readonly SiteConfig[], token: string, now: number): LinkCheck {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const body = `${m[1]}${m[2]}.${m[3]}`;
  const given = Buffer.from(m[4]!);
  const site = sites.find((s) => timingSafeEqual(Buffer.from(mac(s, body)), given));
  if (!site) return { ok: false, reason: 'invalid' };
  const expiresAt = Number.parseInt(m[3]!, 36) * MINUTE;
  if (expiresAt <= now) return { ok: false, reason: 'expired' };
  const owedId = [...m[2]!].reduce((n, c) => n * 36n + BigInt(Number.parseInt(c, 36)), 0n);
  return {
    ok: true,
    site,
    claims: { channel: CODE_CHANNEL[m[1]!]!, owedId: owedId.toString(), expiresAt },
  };
}
