/**
 * Size and count limits of contract v1. Lengths are in UTF-16 code units (JavaScript's
 * `string.length`, the same on the device and the collector); bytes are UTF-8 bytes of the
 * JSON text.
 */
export const LIMITS = {
  interactionId: 128,
  interactionType: 64,
  tags: 10,
  tag: 64,
  comment: 2000,
  raterId: 128,
  locale: 35,
  traitsBytes: 2048,
  metaBytes: 4096,
  /** Nesting levels allowed in `meta` and `user.traits`. */
  jsonDepth: 8,
  batchRatings: 100,
  batchBytes: 65536,
  siteKey: 128,
  /** `channel` on the wire (contract 1.1). */
  channel: 32,
  /** A rater token (`token`), checked by the collector. */
  token: 1024,
} as const;
