import * as v from 'valibot';
import { listActivity, recordActivity } from '../activity/activity-store';
import { CollectorError } from '../errors';
import { readJsonBody } from '../http/json-body';
import { json } from '../http/respond';
import type { RouteContext } from '../routes/context';
import { authorize } from './authorize';
import { hashPassword } from './password';
import { Email, Name, Password, RoleSchema, Uuid } from './schemas';

const NewMember = v.object({
  email: Email,
  name: v.optional(Name),
  role: RoleSchema,
  password: Password,
});
const MemberPatch = v.object({
  role: v.optional(RoleSchema),
  name: v.optional(Name),
  password: v.optional(Password),
});

/** `GET /v1/members` (any member): who is on the team, for assignment pickers. */
export async function listMembers(ctx: RouteContext): Promise<Response> {
  const { site } = await authorize(ctx, 'read');
  return json({ members: await ctx.deps.team.members.list(site.id) });
}

/** `POST /v1/members` (owner) `{ email, name?, role, password }`. 409 if already a member. */
export async function addMember(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'manage');
  const body = await readJsonBody(ctx.request, NewMember);
  const { deps } = ctx;
  const at = new Date(deps.now()).toISOString();
  const member = await deps.team.members.add(
    principal.site.id,
    {
      email: body.email,
      name: body.name ?? body.email.split('@')[0]!,
      role: body.role,
      passwordHash: await hashPassword(body.password),
    },
    at,
  );
  if (!member)
    throw new CollectorError('conflict', 'already a member of this site', { path: 'email' });
  await recordActivity(
    deps.team.db,
    principal.site.id,
    {
      actor: principal.actor,
      action: 'member.added',
      detail: { member: member.id, email: member.email, role: member.role },
    },
    at,
  );
  return json({ member }, 201);
}

/** `PATCH /v1/members/:id` (owner) `{ role?, name?, password? }`; a new role or password signs them out. */
export async function updateMember(ctx: RouteContext, id: string): Promise<Response> {
  const principal = await authorize(ctx, 'manage');
  const body = await readJsonBody(ctx.request, MemberPatch);
  const { deps } = ctx;
  const siteId = principal.site.id;
  const before = Uuid.test(id) ? await deps.team.members.get(siteId, id) : null;
  if (!before) throw new CollectorError('not_found', 'no such member');
  if (before.role === 'owner' && body.role && body.role !== 'owner') await keepAnOwner(ctx, siteId);
  const member = await deps.team.members.update(siteId, id, {
    ...(body.role ? { role: body.role } : {}),
    ...(body.name ? { name: body.name } : {}),
    ...(body.password ? { passwordHash: await hashPassword(body.password) } : {}),
  });
  if (!member) throw new CollectorError('not_found', 'no such member');
  if ((body.role && body.role !== before.role) || body.password) {
    await deps.team.sessions.endAll(siteId, id);
  }
  await recordActivity(
    deps.team.db,
    siteId,
    {
      actor: principal.actor,
      action: 'member.updated',
      detail: {
        member: id,
        ...(body.role ? { role: body.role, was: before.role } : {}),
        ...(body.name ? { name: body.name } : {}),
        ...(body.password ? { password: 'changed' } : {}),
      },
    },
    new Date(deps.now()).toISOString(),
  );
  return json({ member });
}

/** `DELETE /v1/members/:id` (owner); the last owner cannot be removed. */
export async function removeMember(ctx: RouteContext, id: string): Promise<Response> {
  const principal = await authorize(ctx, 'manage');
  const { deps } = ctx;
  const siteId = principal.site.id;
  const member = Uuid.test(id) ? await deps.team.members.get(siteId, id) : null;
  if (!member) throw new CollectorError('not_found', 'no such member');
  if (member.role === 'owner') await keepAnOwner(ctx, siteId);
  await deps.team.members.remove(siteId, id);
  await recordActivity(
    deps.team.db,
    siteId,
    {
      actor: principal.actor,
      action: 'member.removed',
      detail: { member: id, email: member.email },
    },
    new Date(deps.now()).toISOString(),
  );
  return json({ removed: id });
}

/** `GET /v1/activity` (owner): the site's own log (members, tokens, sign-ins). */
export async function siteActivity(ctx: RouteContext): Promise<Response> {
  const principal = await authorize(ctx, 'manage');
  return json({ activity: await listActivity(ctx.deps.team.db, principal.site.id, null) });
}

async function keepAnOwner(ctx: RouteContext, siteId: string): Promise<void> {
  if ((await ctx.deps.team.members.countOwners(siteId)) <= 1) {
    throw new CollectorError('conflict', 'a site keeps at least one owner');
  }
}
