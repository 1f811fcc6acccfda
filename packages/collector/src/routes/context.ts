import type { SiteKeys } from '../auth/keys';
import type { SiteConfig } from '../config/types';
import type { InboxEngine } from '../inbox/engine';
import type { EmitEvents } from '../inbox/events';
import type { Logger } from '../log/logger';
import type { Team } from '../members/team';
import type { DeliveryWorker } from '../outbox/worker';
import type { TokenBuckets } from '../rate-limit/token-bucket';
import type { Store } from '../store/types';

/** What every route gets: the request, its parsed URL and the collector's shared parts. */
export interface RouteContext {
  request: Request;
  url: URL;
  /** Path below the base path, e.g. `/v1/ratings`. */
  path: string;
  clientAddress: string;
  deps: Deps;
}

export interface Deps {
  store: Store;
  keys: SiteKeys;
  buckets: TokenBuckets;
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
