import type { SiteKeys } from '../auth/keys';
import type { SiteConfig } from '../config/types';
import type { InboxEngine } from '../inbox/engine';
import type { EmitEvents } from '../inbox/events';
import type { Logger } from '../log/logger';
import type { Team } from '../members/team';
import type { DeliveryWorker } from '../outbox/worker';
import type { AuthFailures } from '../rate-limit/auth-failures';
import type { TokenBuckets } from '../rate-limit/token-bucket';
import type { Store } from '../store/types';

/** What every route gets: the request, its parsed URL and the collector's shared parts. */
export interface RouteContext {
  request: Request;
  url: URL;
  /** Path below the base path, e.g. `/v1/ratings`. */
  path: string;
  /** The client's address as `trustProxy` resolves it. */
  clientAddress: string;
  /** Its rate-limit identity: the address, or its /64 for IPv6 (see `clientKey`). */
  clientKey: string;
  deps: Deps;
  /** The body as text, read once and capped at the contract's 64 KiB; later calls reuse it. */
  bodyText(): Promise<string>;
  /** The body parsed as JSON (400 when it is not), read once. */
  bodyJson(): Promise<unknown>;
}

/** The context of a route whose access kind has identified the caller's site. */
export interface SiteContext extends RouteContext {
  site: SiteConfig;
}

export interface Deps {
  store: Store;
  keys: SiteKeys;
  buckets: TokenBuckets;
  authFailures: AuthFailures;
  /** Kick it after committing outbox events. */
  outbox: DeliveryWorker;
  logger: Logger;
  now: () => number;
  /** Members, sessions, API tokens (the team inbox). */
  team: Team;
  /** Opens follow-ups, raises SLA alerts, sends digests. */
  inbox: InboxEngine;
  /** Writes inbox events (alerts, replies) in the caller's transaction. */
  emitEvents: EmitEvents;
  /** Every configured site (rating links are verified against each site's key). */
  sites: readonly SiteConfig[];
  /** Prefix of every route, without a trailing slash. */
  basePath: string;
  /** Public base URL of the collector for links in e-mail and SMS, when configured. */
  publicUrl: string | undefined;
}
