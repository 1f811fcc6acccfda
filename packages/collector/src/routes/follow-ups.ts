import { UUID } from '@raaye/protocol';
import * as v from 'valibot';
import { CollectorError } from '../errors';
import { jsonWithEtag } from '../http/etag';
import { readJsonBody } from '../http/json-body';
import { decodeCursor, encodeCursor, parseLimit } from '../http/query-filter';
import { json } from '../http/respond';
import type { SiteContext } from './context';

/** `GET /v1/follow-ups?limit&cursor` (secret key): low ratings nobody has replied to, newest first. */
export async function listFollowUps(ctx: SiteContext): Promise<Response> {
  const { site } = ctx;
  const params = ctx.url.searchParams;
  const limit = parseLimit(params, 100, 1000);
  const rows = await ctx.deps.store.listFollowUps(site.id, decodeCursor(params), limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return jsonWithEtag(ctx.request, {
    followUps: page.map(({ seq: _seq, ...rest }) => rest),
    nextCursor: rows.length > limit && last ? encodeCursor(last.seq) : null,
  });
}

const ReplySchema = v.object({
  by: v.pipe(v.string(), v.minLength(1), v.maxLength(128)),
  note: v.optional(v.pipe(v.string(), v.maxLength(2000))),
});

/** `POST /v1/follow-ups/:id` (secret key) with `{ by, note? }`: marks it replied. */
export async function replyFollowUp(ctx: SiteContext, id: string): Promise<Response> {
  const { site } = ctx;
  const body = await readJsonBody(ctx.request, ReplySchema);
  const at = new Date(ctx.deps.now()).toISOString();
  const found =
    UUID.test(id) &&
    (await ctx.deps.store.markReplied(
      site.id,
      id.toLowerCase(),
      body.by,
      body.note ?? null,
      at,
      site.events,
    ));
  if (!found) throw new CollectorError('not_found', 'no low rating with this id');
  if (site.events.has('followup.replied')) ctx.deps.outbox.kick();
  return json({
    id: id.toLowerCase(),
    repliedAt: at,
    repliedBy: body.by,
    replyNote: body.note ?? null,
  });
}
