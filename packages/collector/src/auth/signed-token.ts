import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The one signing mechanism of the collector: `kind.field1.field2….exp.mac`, every field
 * base64url (no padding), `exp` in Unix seconds, `mac` = base64url(HMAC-SHA256(secret, everything
 * before the last dot)). The `kind` prefix separates uses (rater tokens, rating links, …), so a
 * token made for one purpose never verifies as another. Hand-written on node:crypto because it
 * is a dozen lines and must be reproducible in any language from docs/security.md (a JWT
 * library would bring algorithm negotiation we do not want).
 */

/** Longest token accepted; longer input is refused before any hashing. */
export const MAX_TOKEN_LENGTH = 1024;

const KIND = /^[a-z][a-z0-9]{0,15}$/;
const B64URL = /^[A-Za-z0-9_-]*$/;

export type TokenFailure = 'malformed' | 'wrong_kind' | 'bad_signature' | 'expired';

export type VerifiedToken =
  | { ok: true; fields: string[]; expiresAt: number }
  | { ok: false; reason: TokenFailure };

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const mac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message).digest('base64url');

/** Signs `fields` under `kind` until `expiresAt` (Unix seconds). */
export function signToken(
  secret: string,
  kind: string,
  fields: readonly string[],
  expiresAt: number,
): string {
  if (!KIND.test(kind)) throw new TypeError(`invalid token kind "${kind}"`);
  if (!secret) throw new TypeError('a signing secret is required');
  if (!Number.isSafeInteger(expiresAt) || expiresAt <= 0) {
    throw new TypeError('expiresAt must be a positive integer of Unix seconds');
  }
  const message = [kind, ...fields.map(b64), String(expiresAt)].join('.');
  return `${message}.${mac(secret, message)}`;
}

/**
 * Checks a token of `kind` with `fieldCount` fields against any of `secrets` (several during a
 * rotation). `notAfter` is the moment (ms) by which the token must not have expired.
 */
export function verifyToken(
  secrets: readonly string[],
  kind: string,
  fieldCount: number,
  token: string,
  notAfter: number,
): VerifiedToken {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: 'malformed' };
  }
  const parts = token.split('.');
  if (parts.length !== fieldCount + 3 || !parts.every((p) => B64URL.test(p))) {
    return { ok: false, reason: 'malformed' };
  }
  if (parts[0] !== kind) return { ok: false, reason: 'wrong_kind' };
  const expText = parts[fieldCount + 1]!;
  const expiresAt = Number(expText);
  if (!/^\d{1,12}$/.test(expText)) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(parts[fieldCount + 2]!, 'base64url');
  const message = parts.slice(0, fieldCount + 2).join('.');
  const valid = secrets.some((secret) => {
    const expected = Buffer.from(mac(secret, message), 'base64url');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
  if (!valid) return { ok: false, reason: 'bad_signature' };
  if (expiresAt * 1000 < notAfter) return { ok: false, reason: 'expired' };
  const fields = parts.slice(1, fieldCount + 1).map((p) => Buffer.from(p, 'base64url').toString());
  return { ok: true, fields, expiresAt };
}
