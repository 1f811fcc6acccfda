import { HEADERS } from '@raaye/protocol';
import * as v from 'valibot';
import { listActivity, recordActivity } from '../activity/activity-store';
import { CollectorError } from '../errors';
import { readJsonBody } from '../http/json-body';
import { parseFilter } from '../http/query-filter';
import { json } from '../http/respond';
import { authorize, type Principal } from '../members/authorize';
import { Uuid } from '../members/schemas';
import { searchWords } from '../ratings/search-params';
import type { RouteContext } from '../routes/context';
import { type Route, team } from '../routes/router';
import { slaMetrics } from '../sla/metrics';
import { composeReply } from './compose-reply';
import { type FollowUpStatus, STATUSES } from './followup-row';
import { getFollowUp, type InboxOrder, listFollowUps, orderKey } from './followup-store';
import { loadSettings, mergeSettings, SettingsSchema, saveSettings } from './settings';
import { type Action, ActionSchema, applyAction } from './workflow';

/** The team inbox's routes; undefined when the path is not one of them. */
export function matchInboxRoute(path: string): Route | undefined {
  switch (path) {
    case '/v1/inbox':
      return { GET: team(listInbox) };
    case '/v1/inbox/settings':
      return { GET: team(getSettings), PUT: team(putSettings) };
    case '/v1/inbox/metrics':
      return { GET: team(getMetrics) };
    case '/v1/inbox/bulk':
      return { POST: team(bulk) };
  }
  const m = /^\/v1\/inbox\/([0-9a-fA-F-]{36})$/.exec(path);
  if (m && Uuid.test(m[1]!)) {
    const id = m[1]!.toLowerCase();
    return { GET: team((ctx) => showFollowUp(ctx, id)), POST: team((ctx) => act(ctx, id)) };
  }
  return undefined;
}

const DEFAULT_STATUSES: FollowUpStatus[] = ['open', 'assigned'];

/**
 * `GET /v1/inbox?status=open,assigned&assignee=me|none|<id>&tag=&q=&order=due|newest&limit=&cursor=`:
 * by time left (`due`, the default) or newest first; keyset pages of up to 500.
 */
async function listInbox(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'read');
  const p = ctx.url.searchParams;
  const statuses = (p.get('status')?.split(',').filter(Boolean) ??
    DEFAULT_STATUSES) as FollowUpStatus[];
  if (statuses.length === 0 || statuses.some((s) => !STATUSES.includes(s))) {
    throw new CollectorError('invalid_body', `status must be a list of ${STATUSES.join(', ')}`, {
      path: 'status',
    });
  }
  let assignee = p.get('assignee') ?? undefined;
  if (assignee === 'me') {
    if (principal.actor.kind !== 'member')
      throw new CollectorError('invalid_body', 'assignee=me needs a signed-in member', {
        path: 'assignee',
      });
    assignee = principal.actor.id!;
  } else if (assignee !== undefined && assignee !== 'none' && !Uuid.test(assignee)) {
    throw new CollectorError('invalid_body', 'assignee must be me, none or a member id', {
      path: 'assignee',
    });
  }
  const tag = p.get('tag') ?? undefined;
  if (tag !== undefined && (tag.length === 0 || tag.length > 64))
    throw new CollectorError('invalid_body', 'tag must have 1–64 characters', { path: 'tag' });
  const order = p.get('order') ?? 'due';
  if (order !== 'due' && order !== 'newest')
    throw new CollectorError('invalid_body', 'order must be due or newest', { path: 'order' });
  const words = searchWords(p.get('q'));
  const limitText = p.get('limit') ?? '50';
  const limit = /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
  if (!(limit >= 1 && limit <= 500))
    throw new CollectorError('invalid_body', 'limit must be 1–500', { path: 'limit' });
  const after = parseCursor(p.get('cursor'), order);
  await ctx.deps.inbox.openFollowUps(principal.site.id);
  const rows = await listFollowUps(ctx.deps.team.db, principal.site.id, {
    statuses,
    order,
    ...(assignee ? { assignee } : {}),
    ...(tag ? { tag } : {}),
    ...(words.length > 0 ? { words } : {}),
    ...(after ? { after } : {}),
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(`${order}|${orderKey(order, last)}|${last.id}`).toString('base64url')
      : null;
  return json(
    { items: page, nextCursor, now: new Date(ctx.deps.now()).toISOString() },
    200,
    nextCursor ? { [HEADERS.nextCursor]: nextCursor } : {},
  );
}

/** A cursor is only good for the order that made it (`order|at|id`). */
function parseCursor(
  text: string | null,
  order: InboxOrder,
): { at: string; id: string } | undefined {
  if (text === null || text === '') return undefined;
  const [made, at, id, extra] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (
    made !== order ||
    extra !== undefined ||
    !at ||
    !id ||
    !Uuid.test(id) ||
    Number.isNaN(Date.parse(at))
  ) {
    throw new CollectorError('invalid_body', 'cursor is not one this server gave for this order', {
      path: 'cursor',
    });
  }
  return { at, id };
}

/**
 * `GET /v1/inbox/:id`: the follow-up and its activity log (with replies). The customer's other
 * ratings come from `GET /v1/ratings/search?customer=`, paged and in the full rating shape.
 */
async function showFollowUp(ctx: RouteContext, id: string): Promise<Response> {
  const principal = await authorize(ctx, 'read');
  const db = ctx.deps.team.db;
  await ctx.deps.inbox.openFollowUps(principal.site.id);
  const followUp = await getFollowUp(db, principal.site.id, id);
  return json({
    followUp,
    activity: await listActivity(db, principal.site.id, id),
  });
}

/** `POST /v1/inbox/:id` `{ action, … }`: assign, note, tags, reply, resolve, close, reopen. */
async function act(ctx: RouteContext, id: string): Promise<Response> {
  const principal = await authorize(ctx, 'work');
  const action = await readJsonBody(ctx.request, ActionSchema);
  await ctx.deps.inbox.openFollowUps(principal.site.id);
  const followUp = await run(ctx, principal, id, action);
  return json({ followUp });
}

const BulkSchema = v.intersect([
  v.object({
    ids: v.pipe(v.array(v.pipe(v.string(), v.uuid())), v.minLength(1), v.maxLength(200)),
  }),
  v.variant(
    'action',
    ActionSchema.options.filter((o) => o.entries.action.literal !== 'reply'),
  ),
]);

/** `POST /v1/inbox/bulk` `{ ids, action, … }`: one action on many follow-ups (not replies). */
async function bulk(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'work');
  const body = await readJsonBody(ctx.request, BulkSchema, 65_536);
  const { ids, ...action } = body;
  const results: Array<{ id: string; ok: boolean; error?: string }> = [];
  for (const id of new Set(ids.map((i) => i.toLowerCase()))) {
    try {
      await run(ctx, principal, id, action as Action);
      results.push({ id, ok: true });
    } catch (error) {
      if (!(error instanceof CollectorError) || error.status >= 500) throw error;
      results.push({ id, ok: false, error: error.code });
    }
  }
  return json({ results });
}

async function run(ctx: RouteContext, principal: Principal, id: string, action: Action) {
  const { deps } = ctx;
  const siteId = principal.site.id;
  const members = await deps.team.members.list(siteId);
  return deps.team.db.transaction((tx) =>
    applyAction(tx, siteId, principal.actor, id, action, {
      members,
      emit: deps.emitEvents,
      at: new Date(deps.now()).toISOString(),
      reply: composeReply(siteId),
    }),
  );
}

async function getSettings(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'read');
  return json({ settings: await loadSettings(ctx.deps.team.db, principal.site.id) });
}

/** `PUT /v1/inbox/settings` (owner): partial; new deadlines apply to follow-ups opened after. */
async function putSettings(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'manage');
  const input = await readJsonBody(ctx.request, SettingsSchema);
  const db = ctx.deps.team.db;
  const at = new Date(ctx.deps.now()).toISOString();
  const settings = mergeSettings(await loadSettings(db, principal.site.id), input);
  await db.transaction(async (tx) => {
    await saveSettings(tx, principal.site.id, settings, at);
    await recordActivity(
      tx,
      principal.site.id,
      { actor: principal.actor, action: 'inbox.settings_changed', detail: { settings } },
      at,
    );
  });
  return json({ settings });
}

/** `GET /v1/inbox/metrics?from&to`: time to first reply, overall, per week and per agent. */
async function getMetrics(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'read');
  const filter = parseFilter(ctx.url.searchParams);
  const now = ctx.deps.now();
  const from = filter.from ?? new Date(now - 90 * 86_400_000).toISOString();
  const to = filter.to ?? new Date(now + 1).toISOString();
  await ctx.deps.inbox.openFollowUps(principal.site.id);
  return json({
    from,
    to,
    ...(await slaMetrics(
      ctx.deps.team.db,
      principal.site.id,
      from,
      to,
      new Date(now).toISOString(),
    )),
  });
}
