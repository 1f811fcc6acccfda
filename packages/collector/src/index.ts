// The contract (types, rules, validator) is @raaye/protocol's; the names a server needs most are
// re-exported so one import serves.
export type { OwedRecord, RatingFilter, Stats, StoredRating, WireRating } from '@raaye/protocol';
export { isLowScore, validateRating } from '@raaye/protocol';
export type { Collector, CollectorConfig } from './collector';
export { createCollector } from './collector';
export type { FileConfig } from './config/load';
export { loadConfigFile, sitesFromEnv } from './config/load';
export { resolveSites } from './config/sites';
export type {
  BucketLimit,
  DestinationInput,
  RaterPolicy,
  SiteConfig,
  SiteInput,
  SiteLimits,
  WebhookConfig,
} from './config/types';
export type {
  ChatDestination,
  DestinationConfig,
  DestinationFilter,
  EmailDestination,
  WebhookDestination,
} from './destinations/config';
export type { MailConfig } from './destinations/email';
export type { CollectorErrorCode } from './errors';
export { CollectorError, isCollectorError } from './errors';
export type { TrustProxy } from './http/client-address';
export type { RequestInfo } from './http/handler';
export type { FetchHandler } from './http/node-listener';
export { toNodeListener } from './http/node-listener';
export type { LogFields, Logger, LogLevel } from './log/logger';
export { jsonLogger, silentLogger } from './log/logger';
export type { OutboxEvent } from './outbox/enqueue';
export type { EventType } from './outbox/event-types';
export { EVENT_TYPES } from './outbox/event-types';
export type {
  DeliveryAttempt,
  DeliveryRecord,
  DeliveryState,
  DestinationState,
  OutboxStore,
} from './outbox/outbox-types';
export type { RatingPayload } from './outbox/rating-events';
export type { DeliveryOptions } from './outbox/worker';
export type { AccessKind, AccessName } from './routes/access';
export { pgliteStore } from './store/pglite';
export type { PostgresStoreOptions } from './store/postgres';
export { postgresStore } from './store/postgres';
export type { NewRating, OwedInput, Store, StoredRow, StoreStats } from './store/types';
export * from './token';
