/**
 * `@raaye/collector/token`: rater tokens for a site's backend, without loading the collector
 * or its databases. `signRaterToken({ secret, raterId })` → pass it to `identify({ id, token })`.
 */
export type { RaterClaims, RaterTokenInput } from './auth/rater-token';
export {
  DEFAULT_RATER_TOKEN_TTL,
  MAX_RATER_TOKEN_TTL,
  RATER_TOKEN_KIND,
  signRaterToken,
  verifyRaterToken,
} from './auth/rater-token';
export type { TokenFailure, VerifiedToken } from './auth/signed-token';
export { signToken, verifyToken } from './auth/signed-token';
