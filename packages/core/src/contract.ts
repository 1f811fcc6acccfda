/**
 * Wire contract v1 between the SDK and the collector, as `@raaye/core/contract`. It is defined
 * once, in `@raaye/protocol` (see docs/protocol.md); this subpath re-exports it so existing
 * imports keep working. Changing the contract needs a version bump there.
 */
export type {
  Channel,
  ErrorBody,
  ItemResult,
  ItemStatus,
  RaterUser,
  RatingsEnvelope,
  RatingsResponse,
  Scale,
  Source,
  WireRating,
} from '@raaye/protocol';
export { LIMITS, RATINGS_PATH, SCALES, SOURCES } from '@raaye/protocol';
