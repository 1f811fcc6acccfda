import { SiteKeys } from './auth/keys';
import { originAllowed } from './config/origin';
import { resolveSites } from './config/sites';
import type { SiteInput } from './config/types';
import type { MailConfig } from './destinations/email';
import { CollectorError, isCollectorError } from './errors';
import { addressResolver, type TrustProxy } from './http/client-address';
import { corsHeaders, mergeHeaders, preflight } from './http/cors';
import type { RequestInfo } from './http/handler';
import { LEAN_INGEST } from './http/lean-request';
import { parseJson, readBodyText } from './http/read-body';
import { errorResponse } from './http/respond';
import { createInboxEngine } from './inbox/engine';
import type { EmitEvents } from './inbox/events';
import { jsonLogger, type Logger } from './log/logger';
import { createTeam } from './members/team';
import { outboxEmit } from './outbox/emit';
import { type DeliveryOptions, startWorker } from './outbox/worker';
import { AuthFailures } from './rate-limit/auth-failures';
import { clientKey } from './rate-limit/client-key';
import { TokenBuckets } from './rate-limit/token-bucket';
import { ACCESS, MAX_BODY_BYTES } from './routes/access';
import type { Deps, RouteContext } from './routes/context';
import { matchRoute } from './routes/router';
import type { Store } from './store/types';

export interface CollectorConfig {
  /** Where ratings live: `await pgliteStore(dir)` or `await postgresStore(url)`. */
  store: Store;
  /** At least one site; validated at once (throws `invalid_config`). */
  sites: SiteInput[];
  /** Prefix of every route, e.g. `/raaye` → `/raaye/v1/ratings`. @default '' */
  basePath?: string;
  /**
   * Proxies in front of the collector: a hop count, or their addresses/CIDR ranges (`true` = 1).
   * The client is the right-most `X-Forwarded-For` address no trusted proxy added. @default false
   */
  trustProxy?: TrustProxy;
  /** @default jsonLogger('info') */
  logger?: Logger;
  /** The outbox's delivery worker: concurrency, timeouts, retries. */
  delivery?: DeliveryOptions;
  /** SMTP for `email` destinations and the owners' alerts. */
  mail?: MailConfig;
  /**
   * The collector's public URL (with its base path), e.g. `https://ratings.example.com/raaye`:
   * the base of rating links in e-mail and SMS and of links to follow-ups in Slack, Teams and
   * e-mail alerts. @default for rating links, the origin and base path of the request that asked
   * for them (set it behind a proxy that rewrites the host).
   */
  publicUrl?: string;
  /** Clock, for tests. @default Date.now */
  now?: () => number;
  /** The team inbox's background work (follow-ups, SLA alerts, digests). */
  inbox?: {
    /** How often it runs; `false`: only through `collector.tick()` (cron, tests). @default 30000 */
    intervalMs?: number | false;
    /** @internal Where inbox events go; the outbox by default. */
    emit?: EmitEvents;
  };
}

/** A Fetch-standard handler with a `close()` that lets in-flight work finish. */
export interface Collector {
  (request: Request, info?: RequestInfo): Promise<Response>;
  /**
   * Stops taking requests (503) and waits for in-flight ones; stops the inbox between passes and
   * cuts delivery attempts in flight (left pending, redelivered later). Does not close the store.
   */
  close(): Promise<void>;
  /** Runs the inbox's periodic work now: opens follow-ups, raises due SLA alerts, sends digests. */
  tick(): Promise<void>;
}

/**
 * Creates the collector: `(request) => Promise<Response>` for any Fetch runtime (Node, Bun, Deno,
 * Workers, Next.js). Mount on `node:http` or Express with `toNodeListener(collector)`.
 */
export function createCollector(config: CollectorConfig): Collector {
  const sites = resolveSites(config.sites);
  if (config.publicUrl !== undefined && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(config.publicUrl)) {
    throw new CollectorError('invalid_config', 'publicUrl must be an http(s) URL');
  }
  const basePath = (config.basePath ?? '').replace(/\/+$/, '');
  const logger = config.logger ?? jsonLogger();
  const now = config.now ?? Date.now;
  const buckets = new TokenBuckets(now);
  const resolveAddress = addressResolver(config.trustProxy);
  const outbox = startWorker(
    {
      outbox: config.store.outbox,
      sites,
      logger,
      now,
      mail: config.mail,
      publicUrl: config.publicUrl,
    },
    config.delivery,
  );
  const keys = new SiteKeys(sites);
  const team = createTeam(config.store.sql);
  const emitEvents: EmitEvents = config.inbox?.emit ?? outboxEmit(outbox);
  const inbox = createInboxEngine({
    db: config.store.sql,
    sites,
    logger,
    now,
    emit: emitEvents,
    intervalMs: config.inbox?.intervalMs ?? 30_000,
  });
  const deps: Deps = {
    store: config.store,
    keys,
    buckets,
    authFailures: new AuthFailures(buckets, logger),
    outbox,
    logger,
    now,
    team,
    inbox,
    emitEvents,
    sites,
    basePath,
    publicUrl: config.publicUrl?.replace(/\/+$/, ''),
  };
  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | undefined;

  const handle = async (request: Request, info: RequestInfo = {}): Promise<Response> => {
    if (closing) {
      return errorResponse(new CollectorError('unavailable', 'shutting down', { retryAfter: 5 }));
    }
    inFlight++;
    const started = performance.now();
    try {
      const response = await route(request, info);
      logger.debug('request', {
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        ms: Math.round(performance.now() - started),
      });
      return response;
    } finally {
      if (--inFlight === 0) idle?.();
    }
  };

  const route = async (request: Request, info: RequestInfo): Promise<Response> => {
    const url = new URL(request.url);
    const origin = request.headers.get('origin');
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : '';
    const match = matchRoute(path || '/');
    // CORS follows the access of each method, never the path: a preflight (it carries no site
    // key) is answered for the union of allowed origins and the methods whose access allows
    // browsers; the real request is then checked against its own site.
    const corsMethods = match
      ? Object.keys(match).filter((m) => ACCESS[match[m]!.access].cors)
      : [];
    const endpoint = match?.[request.method];
    const wantsCors = endpoint ? ACCESS[endpoint.access].cors : request.method === 'OPTIONS';
    let corsOrigins = deps.keys.allOrigins;
    const cors = () =>
      wantsCors && corsMethods.length > 0
        ? corsHeaders(origin, origin !== null && originAllowed(origin, corsOrigins))
        : new Headers();
    try {
      if (!match) throw new CollectorError('not_found', `no route ${url.pathname}`);
      if (request.method === 'OPTIONS' && corsMethods.length > 0) {
        const ok = origin !== null && originAllowed(origin, corsOrigins);
        return preflight(origin, ok, corsMethods.join(', '));
      }
      if (!endpoint) {
        const response = errorResponse(
          new CollectorError('method_not_allowed', `${request.method} is not allowed here`),
        );
        response.headers.set('allow', Object.keys(match).join(', '));
        return mergeHeaders(response, cors());
      }
      const clientAddress = resolveAddress(
        info.clientAddress,
        request.headers.get('x-forwarded-for'),
      );
      const ctx = routeContext(request, url, path, clientAddress, deps);
      const site = await ACCESS[endpoint.access].authorize(ctx);
      if (site) corsOrigins = site.allowedOrigins;
      let response: Response;
      if (endpoint.access === 'none' || endpoint.access === 'team' || endpoint.access === 'link') {
        try {
          response = await endpoint.handler(ctx);
        } catch (error) {
          // Team handlers authenticate themselves; their 401s count as failed authentications.
          if (endpoint.access === 'team' && isCollectorError(error) && error.status === 401) {
            throw deps.authFailures.record(ctx.clientKey, path, error);
          }
          throw error;
        }
      } else {
        response = await endpoint.handler({ ...ctx, site: site! });
      }
      return mergeHeaders(response, cors());
    } catch (error) {
      if (isCollectorError(error)) {
        if (error.status >= 500) {
          logger.error('request failed', {
            path: url.pathname,
            code: error.code,
            cause: String(error.cause),
          });
        }
        return mergeHeaders(errorResponse(error), cors());
      }
      // The client went away mid-body: nothing to answer and nothing wrong with the collector.
      if (request.signal.aborted) {
        logger.debug('request aborted', { path: url.pathname });
        return errorResponse(new CollectorError('invalid_body', 'request aborted'));
      }
      logger.error('request failed', { path: url.pathname, error: String(error) });
      const internal = new CollectorError('internal_error', 'internal error; retry later');
      return mergeHeaders(errorResponse(internal), cors());
    }
  };

  return Object.assign(handle, {
    async close() {
      closing = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve));
      await inbox.close();
      await outbox.stop();
    },
    tick: () => inbox.tick(),
    // Its ingest route reads only what `leanRequest` implements (see http/lean-request.ts).
    [LEAN_INGEST]: true,
  });
}

function routeContext(
  request: Request,
  url: URL,
  path: string,
  clientAddress: string,
  deps: Deps,
): RouteContext {
  let text: Promise<string> | undefined;
  let parsed: Promise<unknown> | undefined;
  const bodyText = () => {
    text ??= readBodyText(request, MAX_BODY_BYTES);
    return text;
  };
  return {
    request,
    url,
    path,
    clientAddress,
    clientKey: clientKey(clientAddress),
    deps,
    bodyText,
    bodyJson() {
      parsed ??= bodyText().then(parseJson);
      return parsed;
    },
  };
}
