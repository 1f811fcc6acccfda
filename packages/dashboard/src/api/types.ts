// The read side's types are the contract's, declared once in @raaye/protocol.
export type {
  RatingFilter,
  Reply,
  ScaleStats,
  Stats,
  StoredRating,
} from '@raaye/protocol';
