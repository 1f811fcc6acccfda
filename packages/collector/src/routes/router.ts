import { matchInboxRoute } from '../inbox/routes';
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
  const rater = /^\/v1\/raters\/([^/]+)$/.exec(path);
  if (rater) {
    const id = decode(rater[1]!);
    return id === undefined ? undefined : { methods: { DELETE: (ctx) => eraseRater(ctx, id) } };
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
