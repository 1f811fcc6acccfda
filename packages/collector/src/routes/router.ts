import { matchInboxRoute } from '../inbox/routes';
import { linkChoose, linkConfirm, linkScore, linkSubmit } from '../landing/routes';
import { matchMemberRoute } from '../members/routes';
import type { RouteContext } from './context';
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

type Handler = (ctx: RouteContext) => Promise<Response>;

export interface Route {
  /** Method → handler. */
  methods: Record<string, Handler>;
  /** Methods a browser on an allowed origin may call with the public key (CORS). */
  publicMethods?: string;
}

/** Matches a path below the base path to its route; undefined when none. */
export function matchRoute(path: string): Route | undefined {
  switch (path) {
    case '/v1/ratings':
      return { methods: { POST: postRatings, GET: exportRatings }, publicMethods: 'POST' };
    case '/v1/owed':
      return { methods: { GET: getOwed, POST: postOwed }, publicMethods: 'GET' };
    case '/v1/stats':
      return { methods: { GET: getStats } };
    case '/v1/follow-ups':
      return { methods: { GET: listFollowUps } };
    case '/v1/deliveries':
      return { methods: { GET: listDeliveries } };
    case '/v1/deliveries/replay':
      return { methods: { POST: replayDeliveries } };
    case '/v1/destinations':
      return { methods: { GET: listDestinations } };
    case '/healthz':
      return { methods: { GET: health, HEAD: health } };
  }
  const followUp = /^\/v1\/follow-ups\/([^/]+)$/.exec(path);
  if (followUp) {
    const id = decode(followUp[1]!);
    return id === undefined ? undefined : { methods: { POST: (ctx) => replyFollowUp(ctx, id) } };
  }
  const destination = /^\/v1\/destinations\/([^/]+)\/enable$/.exec(path);
  if (destination) {
    const id = decode(destination[1]!);
    return id === undefined
      ? undefined
      : { methods: { POST: (ctx) => enableDestination(ctx, id) } };
  }
  const owed = /^\/v1\/owed\/(\d{1,18})(\/email)?$/.exec(path);
  if (owed) {
    const id = owed[1]!;
    return owed[2]
      ? { methods: { GET: (ctx) => owedEmail(ctx, id) } }
      : { methods: { GET: (ctx) => getOwedEntry(ctx, id), DELETE: (ctx) => cancelOwed(ctx, id) } };
  }
  const link = linkRoute(path);
  if (link) return link;
  const rater = /^\/v1\/raters\/([^/]+)$/.exec(path);
  if (rater) {
    const id = decode(rater[1]!);
    return id === undefined ? undefined : { methods: { DELETE: (ctx) => eraseRater(ctx, id) } };
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
  if (visit !== undefined)
    return { methods: { GET: (ctx) => linkConfirm(ctx, token, score!, visit) } };
  if (score !== undefined) {
    const page = (ctx: RouteContext) => linkScore(ctx, token, score);
    return { methods: { GET: page, HEAD: page } };
  }
  const page = (ctx: RouteContext) => linkChoose(ctx, token);
  return { methods: { GET: page, HEAD: page, POST: (ctx) => linkSubmit(ctx, token) } };
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
