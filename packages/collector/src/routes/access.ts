import { bearer } from '../auth/keys';
import { DEFAULT_LIMITS } from '../config/sites';
import type { BucketLimit, SiteConfig } from '../config/types';
import { CollectorError, isCollectorError } from '../errors';
import { checkOrigin } from '../http/client-origin';
import { authorize } from '../members/authorize';
import { enforce } from '../rate-limit/enforce';
import type { RouteContext } from './context';

/**
 * How a route may be called. Each route method names one kind in the router; CORS, the origin
 * check, rate limits and authentication all follow from it, so no handler repeats (or forgets)
 * them. To add a kind (member sessions, scoped API tokens, signed links), add an entry to
 * `ACCESS`: `cors` says whether browsers on other origins may call it, `authorize` finds the
 * site the caller acts for or throws 401/403/429.
 */
export interface AccessKind {
  /** Answer CORS preflights and add CORS headers (only for the site's allowed origins). */
  cors: boolean;
  /** The caller's site, or `undefined` for routes that act for no site (`none`). */
  authorize(ctx: RouteContext): Promise<SiteConfig | undefined>;
}

/** Per client address on a secret route; generous, the failure limiter does the real work. */
const SECRET_CLIENT_LIMIT: BucketLimit = { burst: 200, perSecond: 50 };

/** Per client address on rating links: a person clicks a few; a scanner many. */
const LINK_CLIENT_LIMIT: BucketLimit = { burst: 60, perSecond: 2 };

/** Wraps key lookup so each failure feeds the failed-authentication limiter. */
function authenticate(ctx: RouteContext, find: () => SiteConfig): SiteConfig {
  const { authFailures } = ctx.deps;
  authFailures.check(ctx.clientKey);
  try {
    return find();
  } catch (error) {
    if (isCollectorError(error)) throw authFailures.record(ctx.clientKey, ctx.path, error);
    throw error;
  }
}

/** The public site key (`pk_…`) from the query, `Authorization: Bearer`, or the JSON body. */
async function publicKey(ctx: RouteContext): Promise<string | undefined> {
  const fromUrl = ctx.url.searchParams.get('siteKey') ?? bearer(ctx.request);
  if (fromUrl) return fromUrl;
  if (ctx.request.method === 'GET' || ctx.request.method === 'HEAD') return undefined;
  const body = await ctx.bodyJson();
  const key =
    typeof body === 'object' && body !== null ? (body as { siteKey?: unknown }).siteKey : undefined;
  return typeof key === 'string' ? key : undefined;
}

export const ACCESS = {
  /** No site: health checks. */
  none: {
    cors: false,
    async authorize() {
      return undefined;
    },
  },
  /**
   * The public site key, from an allowed origin (or no Origin: servers and apps). It is in
   * every page's source, so it only admits writes of ratings and reads a verified rater may make.
   */
  public: {
    cors: true,
    async authorize(ctx) {
      // Not through the failure limiter: the site key is in every page's source, so guessing
      // it gains nothing, and one page with a stale key must not lock out its visitors' address.
      const site = ctx.deps.keys.bySiteKey(await publicKey(ctx));
      checkOrigin(ctx.request, site);
      if (ctx.request.body !== null) {
        // A site may set a cap below the contract's 64 KiB; only known once the key is read.
        const text = await ctx.bodyText();
        if (Buffer.byteLength(text) > site.limits.maxBodyBytes) {
          throw new CollectorError(
            'payload_too_large',
            `body exceeds ${site.limits.maxBodyBytes} bytes; split the batch`,
          );
        }
      }
      enforce(ctx.deps.buckets, `client:${site.id}:${ctx.clientKey}`, site.limits.client);
      enforce(ctx.deps.buckets, `site:${site.id}`, site.limits.site);
      return site;
    },
  },
  /**
   * The team's routes: the handler authenticates through `members/authorize` (secret key,
   * scoped API token or session cookie with CSRF) and checks the member's role. Here only the
   * failed-authentication limiter applies; a 401 from the handler feeds it.
   */
  team: {
    cors: false,
    async authorize(ctx) {
      ctx.deps.authFailures.check(ctx.clientKey);
      return undefined;
    },
  },
  /**
   * Rating links (`/r/:token…`, issue 14): no key and no CORS; the page verifies the signed,
   * expiring token in the path. Only the client's rate limit applies here.
   */
  link: {
    cors: false,
    async authorize(ctx) {
      enforce(ctx.deps.buckets, `link:${ctx.clientKey}`, LINK_CLIENT_LIMIT);
      return undefined;
    },
  },
  /**
   * The read side: the secret key (`Authorization: Bearer sk_…`) from servers; or, through
   * `members/authorize`, a scoped API token (`rt_…`) or the dashboard's session cookie (with
   * CSRF on changes). Members read with any role; changes need an agent (owners for delivery
   * settings), so a viewer's session or a read-only token gets 403.
   */
  secret: {
    cors: false,
    async authorize(ctx) {
      const token = bearer(ctx.request);
      const site =
        token?.startsWith('sk_') ||
        (token === undefined && ctx.request.headers.has('authorization'))
          ? authenticate(ctx, () => ctx.deps.keys.bySecret(ctx.request))
          : await memberSite(ctx);
      enforce(ctx.deps.buckets, `secret:${site.id}:${ctx.clientKey}`, SECRET_CLIENT_LIMIT);
      return site;
    },
  },
} satisfies Record<string, AccessKind>;

export type AccessName = keyof typeof ACCESS;

async function memberSite(ctx: RouteContext): Promise<SiteConfig> {
  const { authFailures } = ctx.deps;
  authFailures.check(ctx.clientKey);
  const method = ctx.request.method;
  const access =
    method === 'GET' || method === 'HEAD'
      ? 'read'
      : /^\/v1\/(destinations|deliveries)\b/.test(ctx.path)
        ? 'manage'
        : 'work';
  try {
    return (await authorize(ctx, access)).site;
  } catch (error) {
    if (isCollectorError(error) && error.status === 401) {
      throw authFailures.record(ctx.clientKey, ctx.path, error);
    }
    throw error;
  }
}

/** Body cap before the site (and its own cap) is known. */
export const MAX_BODY_BYTES = DEFAULT_LIMITS.maxBodyBytes;
