import type { Channel, ItemResult, RaterUser, Scale, Source, WireRating } from './contract';
import type { RaayeError } from './errors/RaayeError';

/** What the caller passes to `client.rate()`. The SDK adds id, raterId, source and createdAt. */
export interface RatingInput {
  interactionId: string;
  interactionType?: string;
  scale: Scale;
  score: number;
  tags?: string[];
  comment?: string;
  meta?: Record<string, unknown>;
  locale?: string;
  /**
   * A rater token for this rating only, e.g. the one `GET /v1/owed` hands out bound to its
   * interaction. @default the token given to `identify()` (or `user.token`), if any
   */
  token?: string;
  /** Where the answer was given. @default 'api' (your own UI); @raaye/widget sends 'widget' */
  channel?: Extract<Channel, 'widget' | 'api'>;
}

/** A rating as stored in the queue and sent to the collector. */
export type Rating = WireRating;

/**
 * `identify()`'s argument: the user, plus an optional rater token from the site's backend
 * (`signRaterToken` in `@raaye/collector/token`). The token is sent with each rating, never
 * inside `user`; sites with `raters: 'signed'` refuse ratings without one.
 */
export type IdentifiedUser = RaterUser & { token?: string };

/** A key-value store with the subset of idb-keyval's API the SDK needs. */
export interface KeyValueStore {
  readonly kind: StorageKind;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  del(keys: string[]): Promise<void>;
  entries<T>(prefix: string): Promise<Array<[string, T]>>;
  /**
   * The first `limit` entries under `prefix`, in key order. Optional (derived from `entries`
   * when absent); the built-in stores read only those records, so draining a long queue stays linear.
   */
  head?<T>(prefix: string, limit: number): Promise<Array<[string, T]>>;
  /** How many keys start with `prefix`. Optional (derived from `entries` when absent). */
  count?(prefix: string): Promise<number>;
  /** Read-modify-write in one transaction; returning `undefined` deletes the key. */
  update<T>(key: string, fn: (old: T | undefined) => T | undefined): Promise<T | undefined>;
  /** Releases connections (called by `client.destroy()`). */
  close?(): Promise<void>;
}

export type StorageKind = 'indexeddb' | 'localstorage' | 'memory' | 'custom';

/** One request's worth of ratings, handed to a custom transport. */
export interface OutgoingBatch {
  url: string;
  /** The serialized envelope (`{ siteKey, sentAt, ratings }`), ≤ 64 KiB. */
  body: string;
  ratings: readonly Rating[];
  /** True when the page is going away: the request should outlive the page (keepalive). */
  keepalive: boolean;
  signal: AbortSignal;
}

/** What a transport reports back. Throw (or reject) for a network error. */
export interface TransportResponse {
  status: number;
  /** Per-item results from a 2xx answer; when absent on a 2xx, every rating counts as accepted. */
  results?: ItemResult[];
  /** The `Retry-After` header, as sent (delta-seconds or HTTP-date). */
  retryAfter?: string | null;
}

export type Transport = (batch: OutgoingBatch) => Promise<TransportResponse>;

/** A Web Locks-compatible lock manager (the subset used). */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: true },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

/** Rules that keep people from being asked too often. */
export interface RecontactRules {
  /** Minimum time between two prompts on this device (and namespace). @default 0 */
  cooldownMs?: number;
  /** Share of interactions to ask about, 0–1, decided per rater and interaction. @default 1 */
  sampleRate?: number;
  /** Most prompts per `periodMs` on this device (and namespace). @default Infinity */
  maxPrompts?: number;
  /** @default 30 days */
  periodMs?: number;
}

export interface QueueLimits {
  /** @default 1000 */
  maxItems?: number;
  /** Serialized bytes of all queued ratings. @default 2 MiB */
  maxBytes?: number;
  /** Ratings older than this are dropped with a `dropped` event. @default 7 days */
  maxAgeMs?: number;
}

export interface ClientOptions {
  /** The public, write-only site key (`pk_…`). */
  siteKey: string;
  /** Base URL of the collector, e.g. `https://ratings.example.com`. */
  endpoint: string;
  /** Where the queue lives. `'auto'` tries IndexedDB, then localStorage, then memory. @default 'auto' */
  storage?: 'auto' | 'indexeddb' | 'localstorage' | 'memory' | KeyValueStore;
  /** Send through your own API instead of `fetch`. */
  transport?: Transport;
  /** The signed-in user; `user.id` becomes the `raterId`, `user.token` is their rater token. */
  user?: IdentifiedUser;
  /** @default 'web' in browsers, 'node' elsewhere */
  source?: Source;
  queue?: QueueLimits;
  recontact?: RecontactRules;
  retry?: {
    /** @default 1000 */
    baseMs?: number;
    /** @default 300000 (5 min) */
    capMs?: number;
  };
  /** How often to try again while ratings wait. @default 15000 */
  flushIntervalMs?: number;
  /** @default 10000 */
  timeoutMs?: number;
  /** Name that separates the storage of several clients on one origin. @default 'raaye' */
  namespace?: string;
  /** @internal Lock manager override (tests); defaults to `navigator.locks`. */
  locks?: LockManagerLike | null;
}

export type DropReason = 'expired' | 'full' | 'dead_letter_full';

/** A prompt that must be shown until answered or expired (`client.expect`). */
export interface PendingPrompt {
  interactionId: string;
  /** ISO 8601. */
  expiresAt: string;
  /** ISO 8601. */
  createdAt: string;
  /** Anything the UI needs to show it again (title, scale, follow-ups…); JSON only, ≤ 8 KiB. */
  prompt: Record<string, unknown>;
}

export interface ExpectInput {
  interactionId: string;
  /** ISO 8601 or epoch ms. @default now + 7 days */
  expiresAt?: string | number;
  prompt?: Record<string, unknown>;
}

export type AskReason =
  | 'ok'
  | 'pending'
  | 'already_rated'
  | 'cooldown'
  | 'sampled_out'
  | 'max_prompts';

export interface AskDecision {
  ask: boolean;
  reason: AskReason;
}

/** A prompt a UI is about to show (`client.offer`). */
export interface OfferInput extends ExpectInput {
  /** Owed: shown despite recontact rules, and durably pending before `decision` settles. */
  required?: boolean;
}

/**
 * The answer to `client.offer()`: show early, decide in parallel.
 *
 * @example
 * const { early, decision } = client.offer({ interactionId: 'ride-42' });
 * if (early) show();
 * decision.then((d) => (d.ask ? early || show() : early && withdraw()));
 */
export interface Offer {
  /**
   * True for an optional prompt that nothing known in memory rules out: show it now, while
   * storage is checked. False for a required prompt (wait: it is made durable first) or one that
   * this client already saw rated.
   */
  early: boolean;
  /**
   * The decision from storage. `ask: false`: do not show it (withdraw it if shown early).
   * `ask: true`: it was recorded as asked (recontact rules) and, if required, is durably pending
   * until rated, `resolve()`d or expired.
   */
  decision: Promise<AskDecision>;
}

export interface ClientEvents {
  queued: { rating: Rating };
  sent: { id: string; status: 'accepted' | 'duplicate' };
  rejected: { ratings: Rating[]; reason: string; status?: number };
  dropped: { id: string; reason: DropReason };
  /**
   * Which storage holds the queue. `durable: false` for localStorage (browsers write it to disk
   * lazily: a browser killed within seconds of `rate()` loses the rating) and memory (lost with
   * the page); true for IndexedDB and a custom store.
   */
  storage: { kind: StorageKind; durable: boolean; reason?: string };
  error: RaayeError;
}

export type EventName = keyof ClientEvents;

export interface FlushResult {
  sent: number;
  remaining: number;
}

export interface RaayeClient {
  /** Validate, persist durably, then schedule sending. Resolves once the rating is durable. */
  rate(input: RatingInput): Promise<Rating>;
  /** Try to send everything queued now (respects backoff). */
  flush(): Promise<FlushResult>;
  /** Persist a prompt that must be shown until answered or expired. */
  expect(input: ExpectInput): Promise<PendingPrompt>;
  /** Prompts still owed, oldest first; expired ones are removed. */
  pending(): Promise<PendingPrompt[]>;
  /** Forget a pending prompt (rating it does this too). */
  resolve(interactionId: string): Promise<void>;
  /** Whether to ask about this interaction now, and why. */
  shouldAsk(interactionId: string): Promise<AskDecision>;
  /**
   * Start showing a prompt without waiting for storage: `early` says whether to show it now,
   * `decision` whether to keep it. Replaces `shouldAsk` + `expect` + `noteAsked` for a UI.
   */
  offer(input: OfferInput): Offer;
  /** Record that a prompt was shown (feeds cooldown and max-prompts rules). */
  noteAsked(interactionId: string): Promise<void>;
  /** Set or change the signed-in user (their id becomes the raterId of later ratings). */
  identify(user: IdentifiedUser | null): void;
  /** The rater id used for new ratings (user id, else a persistent anonymous id). */
  raterId(): Promise<string>;
  /** The rater token given to `identify()` (or `user.token`), sent with ratings and owed lookups. */
  raterToken(): string | undefined;
  /** Ratings waiting to be sent. */
  queued(): Promise<Rating[]>;
  /** Storage in use after feature detection. */
  storage(): Promise<StorageKind>;
  on<E extends EventName>(event: E, listener: (payload: ClientEvents[E]) => void): () => void;
  /** Stop timers and listeners. Queued ratings stay on the device for the next page view. */
  destroy(): void;
  readonly options: Readonly<{ siteKey: string; endpoint: string; source: Source }>;
}
