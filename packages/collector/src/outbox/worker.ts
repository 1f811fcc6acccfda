import type { SiteConfig } from '../config/types';
import type { DestinationConfig } from '../destinations/config';
import { type MailConfig, smtpMailer } from '../destinations/email';
import { wants } from '../destinations/filter';
import { httpPoster } from '../destinations/http-post';
import { peopleDestination } from '../destinations/people';
import { type SendContext, send } from '../destinations/send';
import type { Logger } from '../log/logger';
import { backoffMs } from './backoff';
import type { ClaimedDelivery, ClaimRequest, OutboxStore, PendingEvent } from './outbox-types';

export interface DeliveryOptions {
  /** Run the worker in this process; off for a collector that only takes ratings. @default true */
  enabled?: boolean;
  /** Attempts in flight per destination (and sockets per receiving origin). @default 4 */
  concurrencyPerDestination?: number;
  /** Attempts in flight in this process (and sockets overall). @default 16 */
  concurrency?: number;
  /** One attempt, connect to last byte. @default 10000 */
  timeoutMs?: number;
  /** First retry after about this long, doubling each time. @default 5000 */
  baseDelayMs?: number;
  /** Longest wait between attempts, `Retry-After` included. @default 3600000 (1 h) */
  maxDelayMs?: number;
  /** A delivery still failing after this long becomes a dead letter. @default 259200000 (3 days) */
  maxAgeMs?: number;
  /** Failures in a row that disable a destination (and alert the owners)... @default 50 */
  disableAfter?: number;
  /**
   * ...when they span at least this long, so a burst of failures (one outage, many queued
   * deliveries) does not switch a destination off. @default 3600000 (1 h)
   */
  disableAfterMs?: number;
  /** How often to look for due deliveries written by other processes. @default 1000 */
  pollMs?: number;
}

export interface WorkerContext {
  outbox: OutboxStore;
  sites: SiteConfig[];
  logger: Logger;
  now: () => number;
  mail: MailConfig | undefined;
  publicUrl: string | undefined;
}

export interface DeliveryWorker {
  /** Look for work now (after a commit that wrote events). */
  kick(): void;
  /** The site's destinations: its configured ones, and `people` when there is an SMTP server. */
  destinations(siteId: string): readonly DestinationConfig[];
  /** Sockets open to receivers. */
  sockets(): number;
  /**
   * Stops claiming and cuts the attempts in flight without recording them as attempts: they are
   * released, due again at once in their old place, and redelivered (same event id) by another
   * or the next process, so a backlog never delays a shutdown nor the deliveries it cut.
   * Resolves once the statement in progress and the release have finished.
   */
  stop(): Promise<void>;
}

// Small batches, with a turn of the event loop between them: each statement is short, so other
// work on the store (ingest, /healthz's reads; PGlite runs one statement at a time in its
// thread, store/pglite-thread.ts) is not held behind a fan-out of thousands, and a stop is
// noticed between batches.
const FAN_OUT_BATCH = 100;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The delivery loop. Fans new events out to destinations, then claims due deliveries per
 * destination up to its free slots, sends, and settles each attempt: delivered, retry later
 * (backoff with jitter or `Retry-After`, persisted in the row), or dead after `maxAgeMs`.
 * Nothing is held in memory but the attempts in flight, so a flood costs rows, not RAM.
 */
export function startWorker(ctx: WorkerContext, options: DeliveryOptions = {}): DeliveryWorker {
  const perDestination = options.concurrencyPerDestination ?? 4;
  const overall = options.concurrency ?? 16;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const baseDelayMs = options.baseDelayMs ?? 5000;
  const maxDelayMs = options.maxDelayMs ?? 3_600_000;
  const maxAgeMs = options.maxAgeMs ?? 3 * 24 * 3_600_000;
  const disable = {
    failures: options.disableAfter ?? 50,
    ms: options.disableAfterMs ?? 3_600_000,
  };
  const pollMs = options.pollMs ?? 1000;
  // A lease outlives any attempt (each is cut at `timeoutMs`) with room for the database round
  // trips; when a process dies mid-attempt, another redelivers once the lease runs out.
  const leaseMs = timeoutMs * 2 + 5000;

  const http = httpPoster({
    maxSocketsPerOrigin: perDestination,
    maxSockets: overall,
    timeoutMs,
  });
  const mailer = ctx.mail ? smtpMailer(ctx.mail, perDestination, timeoutMs) : undefined;
  const sendContext: SendContext = {
    http,
    mailer,
    publicUrl: ctx.publicUrl,
    now: ctx.now,
    timeoutMs,
  };
  const sites = new Map(ctx.sites.map((s) => [s.id, s]));
  // With an SMTP server, every site also mails its inbox events to the people they name.
  const destinationsBySite = new Map(
    ctx.sites.map((s) => [
      s.id,
      [...s.destinations, ...(mailer ? [peopleDestination(s.destinations)] : [])],
    ]),
  );
  const destinationsOf = (site: { id: string }) => destinationsBySite.get(site.id) ?? [];
  const inFlight = new Map<string, number>();
  const attempts = new Set<Promise<void>>();
  // Claimed but cut by `stop()` (or claimed as it stopped): given back at the end of the stop.
  const cut: ClaimedDelivery[] = [];
  let total = 0;
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;

  const iso = () => new Date(ctx.now()).toISOString();
  const key = (siteId: string, destination: string) => `${siteId}\u0000${destination}`;
  // Each claimed delivery finds its destination by key: a claim returns up to `overall` of them,
  // and a site may have many destinations.
  const destinationByKey = new Map(
    [...destinationsBySite].flatMap(([siteId, list]) =>
      list.map((d) => [key(siteId, d.id), d] as const),
    ),
  );

  const route = (event: PendingEvent): string[] =>
    (sites.has(event.siteId) ? destinationsOf(sites.get(event.siteId)!) : [])
      .filter((d) => wants(d, event.type, event.data))
      .map((d) => d.id);

  const tick = () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => {
      running = undefined;
    });
    return running;
  };

  const loop = async () => {
    try {
      do {
        again = false;
        // Each fan-out batch also fills the free slots, in its own transaction: not after the
        // whole backlog is fanned out. During a flood the fan-out shares the store with ingest
        // and the inbox and can lag minutes behind (on PGlite every statement waits its turn,
        // a second or more each), and deliveries already written, and retries come due, must
        // not wait for it. The claim is one statement for all destinations for the same reason.
        let more: boolean;
        do {
          const round = await ctx.outbox.fanOut(FAN_OUT_BATCH, route, iso(), claimRequest());
          startAll(round.claimed);
          more = round.events === FAN_OUT_BATCH;
          if (more) await yieldToLoop();
        } while (more && !stopped);
      } while (again && !stopped);
    } catch (error) {
      if (!stopped) {
        ctx.logger.warn('outbox: delivery loop failed; retrying', { error: String(error) });
      }
    }
  };

  /** Every destination's free slots; undefined when none is free (no claim at all then). */
  const claimRequest = (): ClaimRequest | undefined => {
    if (stopped || total >= overall) return undefined;
    const wanted: ClaimRequest['wanted'][number][] = [];
    for (const site of ctx.sites) {
      for (const destination of destinationsOf(site)) {
        const free = perDestination - (inFlight.get(key(site.id, destination.id)) ?? 0);
        if (free > 0) wanted.push({ siteId: site.id, destination: destination.id, limit: free });
      }
    }
    return wanted.length > 0 ? { wanted, total: overall - total, leaseMs } : undefined;
  };

  const startAll = (claimed: ClaimedDelivery[]) => {
    for (const delivery of claimed) {
      const k = key(delivery.siteId, delivery.destination);
      const destination = destinationByKey.get(k);
      if (destination) start(destination, delivery, k);
    }
  };

  const start = (destination: DestinationConfig, delivery: ClaimedDelivery, k: string) => {
    // Claimed as the worker stopped: released, like an attempt cut by the stop.
    if (stopped) {
      cut.push(delivery);
      return;
    }
    inFlight.set(k, (inFlight.get(k) ?? 0) + 1);
    total++;
    const attempt = deliver(destination, delivery)
      .catch((error) =>
        ctx.logger.warn('outbox: could not record an attempt; the lease will expire', {
          delivery: delivery.id,
          error: String(error),
        }),
      )
      .finally(() => {
        inFlight.set(k, (inFlight.get(k) ?? 1) - 1);
        total--;
        attempts.delete(attempt);
        if (!stopped) void tick();
      });
    attempts.add(attempt);
  };

  const deliver = async (destination: DestinationConfig, delivery: ClaimedDelivery) => {
    const started = performance.now();
    const result = await send(destination, delivery.event, sendContext);
    // Cut by `stop()`: not the receiver's failure, so it costs no attempt, no backoff and no step
    // towards disabling; it is released for another process. (A success that raced the stop is
    // still recorded.)
    if (stopped && !result.ok) {
      cut.push(delivery);
      return;
    }
    const latencyMs = performance.now() - started;
    const now = ctx.now();
    const at = new Date(now).toISOString();
    let state: 'delivered' | 'pending' | 'dead' = 'delivered';
    let dueAt = at;
    if (!result.ok) {
      const age = now - Date.parse(delivery.createdAt);
      const wait = Math.min(
        maxDelayMs,
        result.retryAfterMs ?? backoffMs(delivery.attempts, baseDelayMs, maxDelayMs),
      );
      state = age + wait > maxAgeMs ? 'dead' : 'pending';
      dueAt = new Date(now + wait).toISOString();
    }
    const outcome = {
      state,
      dueAt,
      at,
      status: result.status,
      error: result.error,
      latencyMs,
    };
    const { disabled } = await ctx.outbox.settle(delivery, outcome, disable);
    if (state === 'dead') {
      ctx.logger.warn('outbox: dead letter', {
        site: delivery.siteId,
        destination: delivery.destination,
        event: delivery.event.id,
        error: result.error,
      });
    }
    if (disabled) {
      ctx.logger.error('outbox: destination disabled after repeated failures', {
        site: delivery.siteId,
        destination: delivery.destination,
      });
    }
  };

  const enabled = options.enabled ?? true;
  const timer = enabled ? setInterval(() => void tick(), pollMs) : undefined;
  timer?.unref();
  if (enabled) void tick();

  return {
    kick() {
      if (enabled && !stopped) void tick();
    },
    destinations: (siteId) => destinationsBySite.get(siteId) ?? [],
    sockets: () => http.sockets(),
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      // Cut first: a receiver that never answers would otherwise hold the stop for `timeoutMs`.
      http.close();
      mailer?.close();
      await running;
      await Promise.allSettled([...attempts]);
      // One statement, so the stop stays prompt; if it fails, the leases still run out.
      await ctx.outbox.release(cut.splice(0)).catch((error) =>
        ctx.logger.warn('outbox: could not release cut attempts; their leases will expire', {
          error: String(error),
        }),
      );
    },
  };
}
