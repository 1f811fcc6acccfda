export { createClient } from './client';
export type { ItemResult, RaterUser, Scale, Source } from './contract';
export { LIMITS, SCALES, SOURCES } from './contract';
export type { RaayeErrorCode } from './errors/RaayeError';
export { isRaayeError, RaayeError } from './errors/RaayeError';
export type {
  AskDecision,
  AskReason,
  ClientEvents,
  ClientOptions,
  DropReason,
  EventName,
  ExpectInput,
  FlushResult,
  IdentifiedUser,
  KeyValueStore,
  Offer,
  OfferInput,
  OutgoingBatch,
  PendingPrompt,
  QueueLimits,
  RaayeClient,
  Rating,
  RatingInput,
  RecontactRules,
  StorageKind,
  Transport,
  TransportResponse,
} from './types';
/** The option checks createClient runs first, for a caller that makes its client later. */
export { validateOptions } from './validate/options';
