import type { Member, Session } from '@raaye/protocol';
import * as v from 'valibot';
import { recordActivity } from '../activity/activity-store';
import { CollectorError } from '../errors';
import { readJsonBody } from '../http/json-body';
import { json } from '../http/respond';
import { enforce } from '../rate-limit/enforce';
import type { RouteContext } from '../routes/context';
import { authorize } from './authorize';
import { DECOY_HASH, verifyPassword } from './password';
import { Email, SiteId } from './schemas';
import { readCookie, SESSION_COOKIE, sessionCookie } from './session-cookie';
import { SESSION_MAX_MS } from './session-store';

const SignIn = v.object({
  email: Email,
  password: v.pipe(v.string(), v.maxLength(256)),
  site: v.optional(SiteId),
});

// Each guess costs a scrypt; per address and per e-mail, so neither one address nor a botnet
// aimed at one account gets more than a few tries a minute.
const PER_ADDRESS = { burst: 10, perSecond: 0.2 };
const PER_EMAIL = { burst: 10, perSecond: 0.1 };

/** `POST /v1/session` `{ email, password, site? }`: signs a member in; sets the session cookie. */
export async function signIn(ctx: RouteContext): Promise<Response> {
  const fetchSite = ctx.request.headers.get('sec-fetch-site');
  // Login CSRF: another site must not sign the browser into an account of its choosing.
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    throw new CollectorError('forbidden', 'cross-site request refused');
  }
  const body = await readJsonBody(ctx.request, SignIn);
  const { deps } = ctx;
  enforce(deps.buckets, `signin:addr:${ctx.clientAddress}`, PER_ADDRESS);
  enforce(deps.buckets, `signin:email:${body.email.toLowerCase()}`, PER_EMAIL);
  const candidates = (await deps.team.members.byEmail(body.email)).filter(
    (m) => (body.site === undefined || m.siteId === body.site) && deps.keys.byId(m.siteId),
  );
  const matches = [];
  for (const member of candidates) {
    if (await verifyPassword(body.password, member.passwordHash)) matches.push(member);
  }
  if (candidates.length === 0) await verifyPassword(body.password, DECOY_HASH);
  if (matches.length === 0) {
    deps.logger.info('sign-in failed', { address: ctx.clientAddress });
    throw new CollectorError('unauthorized', 'wrong e-mail or password');
  }
  if (matches.length > 1) {
    // The password is proven for each of these sites, so naming them leaks nothing.
    return json(
      {
        error: {
          code: 'site_required',
          message: 'member of several sites: choose one',
          path: 'site',
        },
        sites: matches.map((m) => m.siteId),
      },
      409,
    );
  }
  const { passwordHash: _hash, ...member } = matches[0]!;
  const now = deps.now();
  const session = await deps.team.sessions.create(member, now);
  await recordActivity(
    deps.team.db,
    member.siteId,
    { actor: { kind: 'member', id: member.id, name: member.name }, action: 'session.signed_in' },
    new Date(now).toISOString(),
  );
  return json(sessionBody(member, session), 200, {
    'set-cookie': sessionCookie(ctx.request, session.token, deps.basePath, SESSION_MAX_MS / 1000),
  });
}

/** `GET /v1/session`: who is signed in, and the CSRF token the dashboard sends back. */
export async function currentSession(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'read');
  const session = principal.session;
  if (!session) throw new CollectorError('unauthorized', 'no session: this is an API key or token');
  return json(sessionBody(session.member, session));
}

/** The wire shape both answers share (`Session` in @raaye/protocol, the dashboard's type). */
const sessionBody = (member: Member, s: { csrf: string; expiresAt: string }): Session => ({
  member,
  site: member.siteId,
  csrf: s.csrf,
  expiresAt: s.expiresAt,
});

/** `DELETE /v1/session[?everywhere=1]`: signs out here, or on every device. */
export async function signOut(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'read');
  const session = principal.session;
  if (!session) throw new CollectorError('unauthorized', 'no session: this is an API key or token');
  const { deps } = ctx;
  const everywhere = ctx.url.searchParams.get('everywhere') === '1';
  if (everywhere) await deps.team.sessions.endAll(session.siteId, session.member.id);
  else await deps.team.sessions.end(readCookie(ctx.request, SESSION_COOKIE)!);
  await recordActivity(
    deps.team.db,
    session.siteId,
    {
      actor: principal.actor,
      action: everywhere ? 'session.signed_out_everywhere' : 'session.signed_out',
    },
    new Date(deps.now()).toISOString(),
  );
  return json({ signedOut: true, everywhere }, 200, {
    'set-cookie': sessionCookie(ctx.request, '', deps.basePath, 0),
  });
}
