import type { SiteConfig } from '../config/types';
import { verifyRaterToken } from './rater-token';

/** Ratings may arrive this long after their token expired: the SDK's offline queue keeps them 7 days. */
export const TOKEN_GRACE_MS = 7 * 86_400_000;

export type RaterCheck =
  | { ok: true; verified: boolean }
  | { ok: false; code: 'rater_token_required' | 'invalid_rater_token'; message: string };

/**
 * Decides whether a rating (or an owed lookup) is from the rater it names. A present token must
 * be valid for that rater (and interaction, when bound) at `at`, the rating's corrected time,
 * and may be at most `TOKEN_GRACE_MS` past expiry on arrival. Without a token the rating is
 * unverified, which a `signed` site refuses.
 */
export function checkRater(
  site: SiteConfig,
  token: string | undefined,
  raterId: string,
  interactionId: string | undefined,
  at: number,
  receivedAt: number,
): RaterCheck {
  if (token === undefined) {
    return site.raters === 'signed'
      ? {
          ok: false,
          code: 'rater_token_required',
          message: 'this site accepts only verified raters: send a rater token (docs/security.md)',
        }
      : { ok: true, verified: false };
  }
  const bad = (why: string): RaterCheck => ({
    ok: false,
    code: 'invalid_rater_token',
    message: `rater token ${why}`,
  });
  if (site.signingSecrets.length === 0) return bad('sent, but the site has no signingSecret');
  const result = verifyRaterToken(
    site.signingSecrets,
    token,
    Math.max(at, receivedAt - TOKEN_GRACE_MS),
    receivedAt,
  );
  if (!result.ok) return bad(`is ${result.reason.replace('_', ' ')}`);
  if (result.claims.raterId !== raterId) return bad('is for another rater');
  if (result.claims.interactionId !== undefined && result.claims.interactionId !== interactionId) {
    return bad('is for another interaction');
  }
  return { ok: true, verified: true };
}
