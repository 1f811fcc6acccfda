import * as v from 'valibot';
import { CollectorError } from '../errors';
import { readJsonBody } from '../http/json-body';
import { decodeCursor, encodeCursor, parseFilter, parseLimit } from '../http/query-filter';
import { json } from '../http/respond';
import type { DeliveryState } from '../outbox/outbox-types';
import type { SiteContext } from './context';

const STATES: readonly DeliveryState[] = ['pending', 'delivered', 'dead'];

/**
 * `GET /v1/deliveries?destination&state&limit&cursor` (secret key): the delivery log, newest
 * first; `state=dead` is the dead-letter list.
 */
export async function listDeliveries(ctx: SiteContext): Promise<Response> {
  const { site } = ctx;
  const params = ctx.url.searchParams;
  const limit = parseLimit(params, 100, 1000);
  const state = params.get('state');
  if (state !== null && !STATES.includes(state as DeliveryState)) {
    throw new CollectorError('invalid_body', `state must be one of ${STATES.join(', ')}`, {
      path: 'state',
    });
  }
  const destination = params.get('destination') ?? undefined;
  const cursor = decodeCursor(params);
  const rows = await ctx.deps.store.outbox.listDeliveries(site.id, {
    limit: limit + 1,
    ...(destination === undefined ? {} : { destination }),
    ...(state === null ? {} : { state: state as DeliveryState }),
    ...(cursor === '0' ? {} : { beforeId: cursor }),
  });
  const page = rows.slice(0, limit);
  return json({
    deliveries: page,
    nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null,
  });
}

const ReplaySchema = v.pipe(
  v.strictObject({
    eventId: v.optional(v.pipe(v.string(), v.regex(/^evt_[0-9a-f]{32}$/, 'must be an event id'))),
    from: v.optional(v.string()),
    to: v.optional(v.string()),
    destination: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(64))),
  }),
  v.check(
    (b) => b.eventId !== undefined || b.from !== undefined,
    'give eventId, or from (and optionally to)',
  ),
);

/**
 * `POST /v1/deliveries/replay` (secret key) with `{ eventId }` or `{ from, to? }` and optionally
 * `destination`: delivered and dead deliveries are sent again, with their original event ids.
 */
export async function replayDeliveries(ctx: SiteContext): Promise<Response> {
  const { site } = ctx;
  const body = await readJsonBody(ctx.request, ReplaySchema);
  const range = parseFilter(
    new URLSearchParams(
      Object.entries({ from: body.from, to: body.to }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    ),
  );
  const replayed = await ctx.deps.store.outbox.replay(
    site.id,
    {
      ...(body.eventId === undefined ? {} : { eventId: body.eventId }),
      ...(range.from === undefined ? {} : { from: range.from }),
      ...(range.to === undefined ? {} : { to: range.to }),
      ...(body.destination === undefined ? {} : { destination: body.destination }),
    },
    new Date(ctx.deps.now()).toISOString(),
  );
  if (replayed > 0) ctx.deps.outbox.kick();
  return json({ replayed });
}

/** Where the built-in `people` destination sends: the members each event names. */
const PEOPLE_TARGET = 'members';

/**
 * `GET /v1/destinations` (secret key): each destination, its health, never its secret or URL
 * path; the built-in `people` destination too when the collector has an SMTP server.
 */
export async function listDestinations(ctx: SiteContext): Promise<Response> {
  const { site } = ctx;
  const states = new Map(
    (await ctx.deps.store.outbox.destinationStates())
      .filter((s) => s.siteId === site.id)
      .map((s) => [s.destination, s]),
  );
  return json({
    destinations: ctx.deps.outbox.destinations(site.id).map((d) => {
      const state = states.get(d.id);
      return {
        id: d.id,
        kind: d.kind,
        events: d.events,
        filter: d.filter ?? null,
        // Chat webhook URLs are credentials: show where they go, not the whole address.
        target: d.kind === 'email' ? (d.people ? PEOPLE_TARGET : d.to) : new URL(d.url).origin,
        consecutiveFailures: state?.consecutiveFailures ?? 0,
        disabledAt: state?.disabledAt ?? null,
        disabledReason: state?.disabledReason ?? null,
      };
    }),
  });
}

/** `POST /v1/destinations/:id/enable` (secret key): switches a disabled destination back on. */
export async function enableDestination(ctx: SiteContext, id: string): Promise<Response> {
  const { site } = ctx;
  if (!ctx.deps.outbox.destinations(site.id).some((d) => d.id === id)) {
    throw new CollectorError('not_found', 'no destination with this id');
  }
  await ctx.deps.store.outbox.enableDestination(site.id, id);
  ctx.deps.outbox.kick();
  return json({ id, enabled: true });
}
