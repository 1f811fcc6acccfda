import { signToken, type TokenFailure, verifyToken } from './signed-token';

/** Token kind of a verified-rater token (see docs/security.md for the format). */
export const RATER_TOKEN_KIND = 'rt1';

/** Default lifetime of a rater token made by `signRaterToken`: one day. */
export const DEFAULT_RATER_TOKEN_TTL = 86_400;
/** Longest lifetime the collector accepts, so a leaked token cannot be used for long. */
export const MAX_RATER_TOKEN_TTL = 90 * 86_400;

export interface RaterTokenInput {
  /** The site's `signingSecret` (never the secret key; never sent to a browser). */
  secret: string;
  /** The rater the token vouches for; must equal the rating's `raterId`. */
  raterId: string;
  /** Binds the token to one interaction (owed prompts, rating links); any when omitted. */
  interactionId?: string;
  /** Lifetime in seconds. @default 86400 (one day); at most 90 days. */
  expiresIn?: number;
  /** Clock (ms), for tests. @default Date.now() */
  now?: number;
}

export interface RaterClaims {
  raterId: string;
  /** `undefined` when the token is good for any interaction of the rater. */
  interactionId: string | undefined;
  /** Unix seconds. */
  expiresAt: number;
}

/**
 * Makes a rater token on the site's backend, e.g. when rendering the page of a signed-in user:
 * `identify({ id: user.id, token: signRaterToken({ secret, raterId: user.id }) })`.
 */
export function signRaterToken(input: RaterTokenInput): string {
  const ttl = input.expiresIn ?? DEFAULT_RATER_TOKEN_TTL;
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_RATER_TOKEN_TTL) {
    throw new TypeError(`expiresIn must be 1…${MAX_RATER_TOKEN_TTL} seconds`);
  }
  if (!input.raterId) throw new TypeError('raterId is required');
  const exp = Math.floor((input.now ?? Date.now()) / 1000) + ttl;
  return signToken(input.secret, RATER_TOKEN_KIND, [input.raterId, input.interactionId ?? ''], exp);
}

/**
 * Verifies a rater token with any of the site's signing secrets. `notAfter` (ms) is the moment
 * the token must still have been valid at. Tokens claiming more than the maximum lifetime
 * from `now` are refused too, so a leaked signing tool cannot mint near-permanent tokens.
 */
export function verifyRaterToken(
  secrets: readonly string[],
  token: string,
  notAfter: number,
  now: number = notAfter,
): { ok: true; claims: RaterClaims } | { ok: false; reason: TokenFailure } {
  const result = verifyToken(secrets, RATER_TOKEN_KIND, 2, token, notAfter);
  if (!result.ok) return result;
  if (result.expiresAt * 1000 > now + MAX_RATER_TOKEN_TTL * 1000 + 60_000) {
    return { ok: false, reason: 'malformed' };
  }
  const [raterId, interactionId] = result.fields as [string, string];
  if (!raterId) return { ok: false, reason: 'malformed' };
  return {
    ok: true,
    claims: { raterId, interactionId: interactionId || undefined, expiresAt: result.expiresAt },
  };
}
