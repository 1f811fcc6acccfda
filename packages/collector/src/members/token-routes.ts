import * as v from 'valibot';
import { recordActivity } from '../activity/activity-store';
import { CollectorError } from '../errors';
import { readJsonBody } from '../http/json-body';
import { json } from '../http/respond';
import type { RouteContext } from '../routes/context';
import { authorize } from './authorize';
import { Name, Uuid } from './schemas';

const NewToken = v.object({ name: Name, scope: v.picklist(['read', 'full']) });

/** `GET /v1/tokens` (owner): names, scopes, last use; never the secrets. */
export async function listTokens(ctx: RouteContext): Promise<Response> {
  const { site } = await authorize(ctx, 'manage');
  return json({ tokens: await ctx.deps.team.tokens.list(site.id) });
}

/** `POST /v1/tokens` (owner) `{ name, scope: 'read' | 'full' }`: the secret is in this answer only. */
export async function createToken(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'manage');
  const body = await readJsonBody(ctx.request, NewToken);
  const at = new Date(ctx.deps.now()).toISOString();
  const created = await ctx.deps.team.tokens.create(
    principal.site.id,
    { name: body.name, scope: body.scope, createdBy: principal.actor.name },
    at,
  );
  await recordActivity(
    ctx.deps.team.db,
    principal.site.id,
    {
      actor: principal.actor,
      action: 'token.created',
      detail: { token: created.token.id, name: body.name, scope: body.scope },
    },
    at,
  );
  return json(created, 201);
}

/** `DELETE /v1/tokens/:id` (owner): revoked at once. */
export async function revokeToken(ctx: RouteContext, id: string): Promise<Response> {
  const principal = await authorize(ctx, 'manage');
  if (!Uuid.test(id) || !(await ctx.deps.team.tokens.revoke(principal.site.id, id))) {
    throw new CollectorError('not_found', 'no such token');
  }
  await recordActivity(
    ctx.deps.team.db,
    principal.site.id,
    { actor: principal.actor, action: 'token.revoked', detail: { token: id } },
    new Date(ctx.deps.now()).toISOString(),
  );
  return json({ revoked: id });
}
