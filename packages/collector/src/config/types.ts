import type { DestinationConfig } from '../destinations/config';
import type { EventType } from '../outbox/event-types';

/** A token bucket: `burst` requests at once, refilled at `perSecond`. */
export interface BucketLimit {
  burst: number;
  perSecond: number;
}

export interface SiteLimits {
  /** Largest accepted request body in bytes. @default 65536 (the contract's maximum) */
  maxBodyBytes: number;
  /** Per site key, across all clients. @default { burst: 500, perSecond: 100 } */
  site: BucketLimit;
  /** Per client address on this site. @default { burst: 30, perSecond: 2 } */
  client: BucketLimit;
}

/**
 * The original single webhook: shorthand for a `webhook` destination with id `webhook` that
 * receives `rating.low`. Prefer `destinations`.
 */
export interface WebhookConfig {
  url: string;
  /** Standard Webhooks signing key (`whsec_…` or any 16+ characters). */
  secret: string;
}

export interface SiteConfig {
  /** Stable name of the site; stored with every rating. */
  id: string;
  /** Public, write-only key the widget sends (`pk_…`). */
  siteKey: string;
  /** Secret key for the read side (`sk_…`); never ship it to a browser. */
  secretKey: string;
  /**
   * Origins allowed to send ratings: exact (`https://shop.example.com`), wildcard subdomains
   * (`https://*.example.com`) or `*`. Requests without an `Origin` (servers, apps) are allowed.
   */
  allowedOrigins: string[];
  limits: SiteLimits;
  /** Where events go (the legacy `webhook` included, as destination `webhook`). */
  destinations: DestinationConfig[];
  /** E-mail addresses alerted when a destination is disabled (implicit destination `owners`). */
  owners: string[];
  /** Event types some destination wants: only these are written to the outbox. */
  events: ReadonlySet<EventType>;
  /**
   * Secrets that sign rater tokens (`signRaterToken`); the first signs, all verify, so a
   * rotation can overlap. Empty when the site has none.
   */
  signingSecrets: string[];
  /**
   * `signed`: every rating needs a valid rater token. `open`: unsigned ratings are kept but
   * stored unverified, and never displace or settle a verified rater's. @default 'open'
   */
  raters: RaterPolicy;
}

export type RaterPolicy = 'signed' | 'open';

/** What a config file or `createCollector` accepts: limits may be partial. */
export interface SiteInput {
  id: string;
  siteKey: string;
  secretKey: string;
  allowedOrigins: string[];
  limits?: { maxBodyBytes?: number; site?: Partial<BucketLimit>; client?: Partial<BucketLimit> };
  webhook?: WebhookConfig;
  /** One secret, or several during a rotation (the first signs). At least 32 characters. */
  signingSecret?: string | string[];
  /** @default 'open' */
  raters?: RaterPolicy;
  /** `events` defaults to `['rating.low']`. */
  destinations?: DestinationInput[];
  owners?: string[];
}

/** A destination as written in the config: `events` may be left out. */
export type DestinationInput = DestinationConfig extends infer D
  ? D extends DestinationConfig
    ? Omit<D, 'events'> & { events?: EventType[] }
    : never
  : never;
