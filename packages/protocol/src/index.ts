// @raaye/protocol: the contract between the SDK, the collector and the dashboard, once.
// No dependencies and no I/O, so browsers, Node and the script-tag bundle can all import it.
export { CSV_COLUMNS, CSV_HEADER, csvCell, csvRow } from './csv';
export { LIMITS } from './limits';
export { HEADERS, PATHS, RATER_TOKEN_HEADER, RATINGS_PATH } from './paths';
export { RATINGS_SEARCH, ratingsSearchParams } from './read/ratings-query';
export { isLocale, normalizeLocale } from './rules/locale';
export type { NpsBucket } from './rules/score';
export {
  BANDS,
  CSAT_SCALES,
  isEasy,
  isLowScore,
  isSatisfied,
  isTopScore,
  LOW_SCORE_MAX,
  npsBucket,
  TOP_SCORE_MIN,
} from './rules/score';
export { eventTimeOf, parseTimestamp, TIME_WINDOW } from './rules/time';
export type { Channel, LinkChannel, Scale, Source } from './scales';
export { CHANNELS, isScale, SCALES, SOURCES, scoresOf } from './scales';
export type { Coverage, CoverageCounts } from './types/coverage';
export type {
  DeliveriesPage,
  DeliveryAttempt,
  DeliveryRecord,
  DeliveryState,
  DestinationView,
  ReplayInput,
} from './types/deliveries';
export type {
  BusinessHours,
  FollowUp,
  FollowUpDetail,
  FollowUpStatus,
  InboxSettings,
  ReplyMetrics,
  SlaMetrics,
  Weekday,
} from './types/inbox';
export { FOLLOWUP_STATUSES, WEEKDAYS } from './types/inbox';
export type {
  EraseResult,
  FollowUpsPage,
  OwedItem,
  OwedList,
  OwedRecord,
  RatingFilter,
  RatingsPage,
  RatingsQuery,
  Reply,
  ReplyInput,
  ScaleStats,
  Stats,
  StoredRating,
} from './types/read';
export type {
  ActivityEntry,
  Actor,
  ApiToken,
  Member,
  Role,
  Session,
  TokenScope,
} from './types/team';
export { ROLES } from './types/team';
export type {
  ErrorBody,
  ErrorDetail,
  ItemResult,
  ItemStatus,
  RaterUser,
  RatingsEnvelope,
  RatingsResponse,
  WireRating,
} from './types/wire';
export { inspectJson, isPlainObject, jsonBytes, UNSTORABLE } from './validate/json';
export type { Issue } from './validate/rating';
export { UUID, validateRating } from './validate/rating';
