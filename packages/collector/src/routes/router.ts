import { matchInboxRoute } from '../inbox/routes';
import { linkChoose, linkConfirm, linkScore, linkSubmit } from '../landing/routes';
import { matchMemberRoute } from '../members/routes';
import { searchRatingsRoute } from '../ratings/search-route';
import type { AccessName } from './access';
import type { RouteContext, SiteContext } from './context';
import {
  enableDestination,
  listDeliveries,
  listDestinations,
  replayDeliveries,
} from './deliveries';
import { exportRatings } from './export';
import { listFollowUps, replyFollowUp } from './follow-ups';
import { health } from './health';
import { getOwed, postOwed } from './owed';
import { cancelOwed, getOwedEntry, owedEmail } from './owed-entry';
import { eraseRater } from './raters';
import { postRatings } from './ratings';
import { getStats } from './stats';

/** One method of a route: who may call it (see `ACCESS`) and what answers. */
export type Endpoint =
  | { access: SelfAuthorized; handler: (ctx: RouteContext) => Promise<Response> }
  | {
      access: Exclude<AccessName, SelfAuthorized>;
      handler: (ctx: SiteContext) => Promise<Response>;
    };

/** Kinds whose handlers find (or need) no site up front: they check the caller themselves. */
type SelfAuthorized = 'none' | 'team' | 'link';

/** Method → endpoint. */
export type Route = Record<string, Endpoint>;

const pub = (handler: (ctx: SiteContext) => Promise<Response>): Endpoint => ({
  access: 'public',
  handler,
});
/**
 * Routes of the team (members, sessions, API tokens, inbox): their handlers authenticate with
 * `members/authorize` (secret key, scoped token or session cookie, and the member's role).
 */
export const team = (handler: (ctx: RouteContext) => Promise<Response>): Endpoint => ({
  access: 'team',
  handler,
});
/** Rating links: the signed token in the path is the whole authority (checked by the page). */
const link = (handler: (ctx: RouteContext) => Promise<Response>): Endpoint => ({
  access: 'link',
  handler,
});
const secret = (handler: (ctx: SiteContext) => Promise<Response>): Endpoint => ({
  access: 'secret',
  handler,
});

/**
 * Every route and, per method, its access: the one place that says who may call what.
 * Matches a path below the base path; undefined when none.
 */
export function matchRoute(path: string): Route | undefined {
  switch (path) {
    case '/v1/ratings':
      return { POST: pub(postRatings), GET: secret(exportRatings) };
    case '/v1/ratings/search':
      return { GET: secret(searchRatingsRoute) };
    case '/v1/owed':
      return { GET: pub(getOwed), POST: secret(postOwed) };
    case '/v1/stats':
      return { GET: secret(getStats) };
    case '/v1/follow-ups':
      return { GET: secret(listFollowUps) };
    case '/v1/deliveries':
      return { GET: secret(listDeliveries) };
    case '/v1/deliveries/replay':
      return { POST: secret(replayDeliveries) };
    case '/v1/destinations':
      return { GET: secret(listDestinations) };
    case '/healthz':
      return {
        GET: { access: 'none', handler: health },
        HEAD: { access: 'none', handler: health },
      };
  }
  const followUp = /^\/v1\/follow-ups\/([^/]+)$/.exec(path);
  if (followUp) {
    const id = decode(followUp[1]!);
    return id === undefined ? undefined : { POST: secret((ctx) => replyFollowUp(ctx, id)) };
  }
  const destination = /^\/v1\/destinations\/([^/]+)\/enable$/.exec(path);
  if (destination) {
    const id = decode(destination[1]!);
    return id === undefined ? undefined : { POST: secret((ctx) => enableDestination(ctx, id)) };
  }
  const owed = /^\/v1\/owed\/(\d{1,18})(\/email)?$/.exec(path);
  if (owed) {
    const id = owed[1]!;
    return owed[2]
      ? { GET: secret((ctx) => owedEmail(ctx, id)) }
      : {
          GET: secret((ctx) => getOwedEntry(ctx, id)),
          DELETE: secret((ctx) => cancelOwed(ctx, id)),
        };
  }
  const link = linkRoute(path);
  if (link) return link;
  const rater = /^\/v1\/raters\/([^/]+)$/.exec(path);
  if (rater) {
    const id = decode(rater[1]!);
    return id === undefined ? undefined : { DELETE: secret((ctx) => eraseRater(ctx, id)) };
  }
  return matchMemberRoute(path, decode) ?? matchInboxRoute(path);
}

/**
 * Rating links (no key, no CORS: the signed token in the path is the whole authority):
 * `/r/:token` (SMS page), `/r/:token/:score` (e-mail score link), `/r/:token/:score/:visit.css`
 * (the confirmation a rendering browser loads).
 */
function linkRoute(path: string): Route | undefined {
  const m = /^\/r\/([A-Za-z0-9._-]{1,80})(?:\/(\d{1,2})(?:\/([0-9a-fA-F-]{36})\.css)?)?$/.exec(
    path,
  );
  if (!m) return undefined;
  const [, token, score, visit] = m as unknown as [string, string, string?, string?];
  if (visit !== undefined) return { GET: link((ctx) => linkConfirm(ctx, token, score!, visit)) };
  if (score !== undefined) {
    const page = link((ctx) => linkScore(ctx, token, score));
    return { GET: page, HEAD: page };
  }
  const page = link((ctx) => linkChoose(ctx, token));
  return { GET: page, HEAD: page, POST: link((ctx) => linkSubmit(ctx, token)) };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
