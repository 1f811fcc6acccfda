import { timingSafeEqual } from 'node:crypto';
import type { Actor } from '../activity/activity-store';
import { bearer } from '../auth/keys';
import type { SiteConfig } from '../config/types';
import { CollectorError } from '../errors';
import type { RouteContext } from '../routes/context';
import { type Access, type Role, roleAllows } from './roles';
import { readCookie, SESSION_COOKIE } from './session-cookie';
import type { Session } from './session-store';
import { TOKEN_PREFIX } from './token-store';

/** Who is asking, for which site, with which role. */
export interface Principal {
  site: SiteConfig;
  role: Role;
  actor: Actor;
  /** Set when signed in through the dashboard. */
  session?: Session;
}

export const CSRF_HEADER = 'x-raaye-csrf';

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Authenticates a read-side request and checks that its role allows `access`:
 * - `Authorization: Bearer sk_…` (the site's secret key: everything an owner may do),
 * - `Authorization: Bearer rt_…` (a scoped API token: `read` → viewer, `full` → agent),
 * - else the dashboard's session cookie; a request that changes data must also carry the
 *   session's CSRF token in `X-Raaye-CSRF` and must not be a cross-site fetch (`Sec-Fetch-Site`).
 * 401 when nobody is signed in, 403 when the role does not allow it or the CSRF check fails.
 */
export async function authorize(ctx: RouteContext, access: Access): Promise<Principal> {
  const principal = await authenticate(ctx);
  if (!roleAllows(principal.role, access)) {
    throw new CollectorError('forbidden', `a ${principal.role} may not do this`);
  }
  return principal;
}

async function authenticate(ctx: RouteContext): Promise<Principal> {
  const { request, deps } = ctx;
  const now = deps.now();
  const token = bearer(request);
  if (token?.startsWith(TOKEN_PREFIX)) {
    const found = await deps.team.tokens.find(token, new Date(now).toISOString());
    const site = found && deps.keys.byId(found.siteId);
    if (!found || !site) throw new CollectorError('unauthorized', 'unknown or revoked API token');
    return {
      site,
      role: found.scope === 'full' ? 'agent' : 'viewer',
      actor: { kind: 'token', id: found.id, name: found.name },
    };
  }
  if (token !== undefined || request.headers.has('authorization')) {
    const site = deps.keys.bySecret(request);
    return { site, role: 'owner', actor: { kind: 'secret', id: null, name: 'secret key' } };
  }
  const cookie = readCookie(request, SESSION_COOKIE);
  const session = cookie ? await deps.team.sessions.find(cookie, now) : null;
  const site = session && deps.keys.byId(session.siteId);
  if (!session || !site) {
    throw new CollectorError(
      'unauthorized',
      cookie ? 'the session has expired; sign in again' : 'sign in, or send Authorization: Bearer',
    );
  }
  if (!SAFE.has(request.method)) checkCsrf(request, session.csrf);
  return {
    site,
    role: session.member.role,
    actor: { kind: 'member', id: session.member.id, name: session.member.name },
    session,
  };
}

// SameSite=Strict already keeps the cookie off other sites' requests; the token (readable only
// by the dashboard's own script, from the sign-in answer) also stops same-site attackers such as
// a sibling subdomain, and Sec-Fetch-Site refuses what a browser marks as cross-site.
function checkCsrf(request: Request, expected: string): void {
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new CollectorError('forbidden', 'cross-site request refused');
  }
  const given = Buffer.from(request.headers.get(CSRF_HEADER) ?? '');
  const want = Buffer.from(expected);
  if (given.length !== want.length || !timingSafeEqual(given, want)) {
    throw new CollectorError('forbidden', `missing or wrong ${CSRF_HEADER} header`);
  }
}
