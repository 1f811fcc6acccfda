// The read side's types are the contract's, declared once in @raaye/protocol.
export type {
  ActivityEntry,
  Coverage,
  CoverageCounts,
  DeliveriesPage,
  DeliveryAttempt,
  DeliveryRecord,
  DeliveryState,
  DestinationView,
  FollowUp,
  FollowUpDetail,
  FollowUpStatus,
  Member,
  RatingFilter,
  ReplayInput,
  Reply,
  ReplyMetrics,
  Role,
  ScaleStats,
  Session,
  SlaMetrics,
  Stats,
  StoredRating,
} from '@raaye/protocol';

export type FollowUpAction =
  | { action: 'assign'; assigneeId: string | null }
  | { action: 'note'; text: string }
  | { action: 'tags'; tags: string[] }
  | { action: 'reply'; message: string }
  | { action: 'resolve' }
  | { action: 'close'; reason: string }
  | { action: 'reopen' };
