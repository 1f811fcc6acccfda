import { matchInboxRoute } from '../inbox/routes';
import { matchMemberRoute } from '../members/routes';
import type { AccessName } from './access';
import type { RouteContext, SiteContext } from './context';
import { exportRatings } from './export';
import { listFollowUps, replyFollowUp } from './follow-ups';
import { health } from './health';
import { getOwed, postOwed } from './owed';
import { eraseRater } from './raters';
import { postRatings } from './ratings';
import { getStats } from './stats';

/** One method of a route: who may call it (see `ACCESS`) and what answers. */
export type Endpoint =
  | { access: 'none' | 'team'; handler: (ctx: RouteContext) => Promise<Response> }
  | {
      access: Exclude<AccessName, 'none' | 'team'>;
      handler: (ctx: SiteContext) => Promise<Response>;
    };

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
    case '/v1/owed':
      return { GET: pub(getOwed), POST: secret(postOwed) };
    case '/v1/stats':
      return { GET: secret(getStats) };
    case '/v1/follow-ups':
      return { GET: secret(listFollowUps) };
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
  const rater = /^\/v1\/raters\/([^/]+)$/.exec(path);
  if (rater) {
    const id = decode(rater[1]!);
    return id === undefined ? undefined : { DELETE: secret((ctx) => eraseRater(ctx, id)) };
  }
  return matchMemberRoute(path, decode) ?? matchInboxRoute(path);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
