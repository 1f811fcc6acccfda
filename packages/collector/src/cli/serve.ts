import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { weakKeyReason } from '../auth/key-strength';
import { type Collector, createCollector } from '../collector';
import { loadConfigFile, sitesFromEnv } from '../config/load';
import type { SiteInput } from '../config/types';
import { CollectorError } from '../errors';
import { proxyMatcher } from '../http/client-address';
import { limitConnections, SERVER_TIMEOUTS } from '../http/connection-limits';
import { LEAN_INGEST } from '../http/lean-request';
import { toNodeListener } from '../http/node-listener';
import type { Logger } from '../log/logger';
import { memberStore } from '../members/member-store';
import { hashPassword } from '../members/password';
import { pgliteStore } from '../store/pglite';
import { postgresStore } from '../store/postgres';
import type { Store } from '../store/types';
import type { CliOptions } from './args';
import { dashboardStatic } from './dashboard';
import { DEMO_OWNER, DEMO_SECRET_KEY, DEMO_SITE_KEY, demoSite, demoStatic } from './demo';
import { staticDir } from './static-dir';

export interface Running {
  server: Server;
  url: string;
  /** The sites it serves (for the banner): ids and origins, never keys. */
  sites: Array<{ id: string; allowedOrigins: string[] }>;
  /**
   * Graceful and prompt: stop accepting, finish in-flight requests, cut delivery attempts (the
   * outbox redelivers them), close the store. Bounded whatever the backlog of deliveries.
   */
  stop(): Promise<void>;
}

/** Starts the collector (and, with `--demo`, the demo page) on one port. */
export async function serve(options: CliOptions, logger: Logger): Promise<Running> {
  const file = options.config ? await loadConfigFile(options.config) : undefined;
  const sites: SiteInput[] = [...(file?.sites ?? []), ...sitesFromEnv()];
  if (sites.length === 0 && !options.demo) {
    throw new CollectorError(
      'invalid_config',
      'no sites configured: pass --config, set RAAYE_SITES or RAAYE_SITE_KEY/RAAYE_SECRET_KEY, or use --demo',
    );
  }
  // Configured secret keys guard every rating and the rater's personal data: refuse weak ones
  // at start-up rather than let `sk_1` be guessed (the demo's own site is added later).
  for (const site of sites) {
    const weak = weakKeyReason(site.secretKey);
    if (weak) {
      throw new CollectorError(
        'invalid_config',
        `site "${site.id}": the secret key ${weak}; make one with \`raaye-collector keys\``,
      );
    }
  }
  const basePath = file?.basePath ?? '';
  const assets = staticDir();
  const statics = options.demo ? demoStatic(assets) : undefined;
  const dashboard = dashboardStatic(assets, basePath);
  // Assigned once the port is known (the demo site's origin depends on it), before any request.
  let collector: Collector | undefined;
  const handler = (request: Request, info?: { clientAddress?: string | undefined }) => {
    const { pathname } = new URL(request.url);
    // Rating links (`/r/…`) are the collector's too, even when the demo serves static files.
    const isApi =
      pathname === `${basePath}/healthz` ||
      pathname.startsWith(`${basePath}/v1/`) ||
      pathname.startsWith(`${basePath}/r/`);
    if (!isApi && dashboard.matches(pathname)) return dashboard.serve(request);
    return !isApi && statics ? statics(request) : collector!(request, info);
  };
  // Ingest paths go to the collector untouched, so its lean lane applies (http/lean-request.ts).
  Object.assign(handler, { [LEAN_INGEST]: true });
  const server = createServer(SERVER_TIMEOUTS, toNodeListener(handler));
  server.keepAliveTimeout = 5000;
  // Behind proxies every connection comes from them: the cap then belongs on the proxy.
  const trust = file?.trustProxy;
  const exempt = Array.isArray(trust) ? proxyMatcher(trust) : undefined;
  if (trust === undefined || trust === false || trust === 0 || exempt) {
    limitConnections(server, exempt ? { exempt } : {});
  }

  const store: Store = options.databaseUrl
    ? await postgresStore(options.databaseUrl)
    : await pgliteStore(options.dataDir);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    if (options.demo && !sites.some((s) => s.siteKey === DEMO_SITE_KEY)) {
      sites.push(demoSite(selfOrigins(options.host, port)));
      // So the demo's dashboard can be signed into at once (a no-op when the owner exists).
      await memberStore(store.sql).add(
        'demo',
        {
          email: DEMO_OWNER.email,
          name: 'Demo owner',
          role: 'owner',
          passwordHash: await hashPassword(DEMO_OWNER.password),
        },
        new Date().toISOString(),
      );
    }
    collector = createCollector({
      store,
      sites,
      basePath,
      trustProxy: file?.trustProxy ?? false,
      logger,
      ...(file?.delivery ? { delivery: file.delivery } : {}),
      ...(file?.mail ? { mail: file.mail } : {}),
      ...(file?.publicUrl ? { publicUrl: file.publicUrl } : {}),
    });
  } catch (error) {
    server.close();
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const url = `http://${host}:${port}`;
  const running = collector;

  return {
    server,
    url,
    sites: sites.map(({ id, allowedOrigins }) => ({ id, allowedOrigins })),
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // In-flight requests finish; a stuck client gets 10 s before its socket is cut.
      const timer = setTimeout(() => server.closeAllConnections(), 10_000).unref();
      await closed;
      clearTimeout(timer);
      await running.close();
      await store.close();
    },
  };
}

function selfOrigins(host: string, port: number): string[] {
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  if (host !== '0.0.0.0' && host !== '::' && !host.includes(':'))
    origins.add(`http://${host}:${port}`);
  return [...origins];
}

/**
 * What the CLI prints once it listens: the URL, then each site it loaded by id and allowed
 * origins, so a wrong config is visible at a glance. Never a key: banners end up in logs.
 * The demo's keys are the exception: they are public, fixed and printed to be copied.
 */
export function banner(
  url: string,
  demo: boolean,
  sites: ReadonlyArray<{ id: string; allowedOrigins: readonly string[] }> = [],
): string {
  const lines = [`Raaye collector listening on ${url}`];
  lines.push(`Sites (${sites.length}):`);
  for (const site of sites) lines.push(`  ${site.id}  origins: ${site.allowedOrigins.join(', ')}`);
  lines.push(`Dashboard:   ${url}/dashboard/`);
  if (demo) {
    lines.push(
      `Demo page:   ${url}/`,
      `Site key:    ${DEMO_SITE_KEY}   (public, for the widget)`,
      `Secret key:  ${DEMO_SECRET_KEY}   (read side)`,
      `Dashboard sign-in: ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`,
      `Stats:       curl -H 'Authorization: Bearer ${DEMO_SECRET_KEY}' ${url}/v1/stats`,
    );
  }
  return lines.join('\n');
}
