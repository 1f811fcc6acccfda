import * as v from 'valibot';
import { type Actor, recordActivity } from '../activity/activity-store';
import { CollectorError } from '../errors';
import type { Member } from '../members/member-store';
import type { SqlClient } from '../store/sql-client';
import type { EmitEvents, InboxEvent } from './events';
import type { FollowUp } from './followup-row';
import { getFollowUp } from './followup-store';
import { recipient } from './recipients';

const Text = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const Tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64));

/** What can be done to a follow-up; one body shape per action. */
export const ActionSchema = v.variant('action', [
  v.object({
    action: v.literal('assign'),
    assigneeId: v.nullable(v.pipe(v.string(), v.uuid('must be a member id'))),
  }),
  v.object({ action: v.literal('note'), text: Text(4000) }),
  v.object({ action: v.literal('tags'), tags: v.pipe(v.array(Tag), v.maxLength(20)) }),
  v.object({ action: v.literal('resolve') }),
  v.object({ action: v.literal('close'), reason: Text(500) }),
  v.object({ action: v.literal('reopen') }),
  v.object({ action: v.literal('reply'), message: Text(5000) }),
]);

export type Action = v.InferOutput<typeof ActionSchema>;

/** Turns a reply into the event that delivers it: an e-mail to the customer, or one for the site's app. */
export type ComposeReply = (
  followUp: FollowUp,
  message: string,
  actor: Actor,
) => { event: InboxEvent; channel: 'email' | 'app'; to?: string };

/**
 * Applies one action in `tx` and records it in the activity log. The state machine:
 * open ⇄ assigned → replied → resolved; any → closed (with a reason); resolved/closed → reopen.
 */
export async function applyAction(
  tx: SqlClient,
  siteId: string,
  actor: Actor,
  id: string,
  action: Action,
  ctx: { members: readonly Member[]; emit: EmitEvents; at: string; reply: ComposeReply },
): Promise<FollowUp> {
  const before = await getFollowUp(tx, siteId, id, true);
  const set = async (sql: string, params: unknown[]) =>
    tx.query(
      `UPDATE raaye_followups SET ${sql}, updated_at = $3::timestamptz WHERE site_id = $1 AND rating_id = $2::uuid`,
      [siteId, id, ctx.at, ...params],
    );
  let detail: Record<string, unknown> = {};
  switch (action.action) {
    case 'assign': {
      const member = action.assigneeId ? ctx.members.find((m) => m.id === action.assigneeId) : null;
      if (action.assigneeId && (!member || member.role === 'viewer')) {
        throw new CollectorError(
          'invalid_body',
          'assigneeId must be an owner or agent of this site',
          { path: 'assigneeId' },
        );
      }
      const waiting = before.status === 'open' || before.status === 'assigned';
      await set(`assignee_id = $4::uuid, status = CASE WHEN $5::boolean THEN $6 ELSE status END`, [
        member?.id ?? null,
        waiting,
        member ? 'assigned' : 'open',
      ]);
      detail = {
        assignee: member?.id ?? null,
        assigneeName: member?.name ?? null,
        was: before.assignee?.name ?? null,
      };
      if (member && member.id !== before.assignee?.id) {
        await ctx.emit(
          tx,
          siteId,
          [
            {
              type: 'followup.assigned',
              raterId: before.rating.raterId,
              userId: before.rating.userId,
              subjectId: id,
              data: {
                site: siteId,
                followUp: id,
                dueAt: before.dueAt,
                assignee: recipient(member),
                by: actor.name,
                recipients: [recipient(member)],
              },
            },
          ],
          ctx.at,
        );
      }
      break;
    }
    case 'note':
      detail = { text: action.text };
      break;
    case 'tags':
      await set('tags = $4::text::jsonb', [JSON.stringify([...new Set(action.tags)])]);
      detail = { tags: [...new Set(action.tags)], was: before.tags };
      break;
    case 'resolve':
      if (before.status === 'resolved') throw new CollectorError('conflict', 'already resolved');
      await set(`status = 'resolved', resolved_at = $3::timestamptz`, []);
      break;
    case 'close':
      if (before.status === 'closed') throw new CollectorError('conflict', 'already closed');
      await set(`status = 'closed', close_reason = $4, resolved_at = $3::timestamptz`, [
        action.reason,
      ]);
      detail = { reason: action.reason };
      break;
    case 'reply': {
      await set(
        `status = CASE WHEN status IN ('resolved', 'closed') THEN status ELSE 'replied' END,
         first_reply_at = coalesce(first_reply_at, $3::timestamptz),
         first_reply_by = CASE WHEN first_reply_at IS NULL THEN $4::uuid ELSE first_reply_by END`,
        [actor.kind === 'member' ? actor.id : null],
      );
      // The rating's own reply fields keep the original follow-up queue (GET /v1/follow-ups) true.
      await tx.query(
        `UPDATE raaye_ratings SET replied_at = $3::timestamptz, replied_by = $4, reply_note = $5
         WHERE site_id = $1 AND id = $2::uuid AND replied_at IS NULL`,
        [siteId, id, ctx.at, actor.name, action.message.slice(0, 2000)],
      );
      const reply = ctx.reply(before, action.message, actor);
      await ctx.emit(tx, siteId, [reply.event], ctx.at);
      detail = {
        message: action.message,
        channel: reply.channel,
        ...(reply.to ? { to: reply.to } : {}),
      };
      break;
    }
    case 'reopen': {
      if (before.status !== 'resolved' && before.status !== 'closed')
        throw new CollectorError('conflict', 'not resolved or closed');
      const status = before.firstReplyAt ? 'replied' : before.assignee ? 'assigned' : 'open';
      await set('status = $4, resolved_at = NULL, close_reason = NULL', [status]);
      break;
    }
  }
  await recordActivity(
    tx,
    siteId,
    { ratingId: id, actor, action: `followup.${actionVerb(action.action)}`, detail },
    ctx.at,
  );
  return getFollowUp(tx, siteId, id);
}

function actionVerb(action: Action['action']): string {
  switch (action) {
    case 'assign':
      return 'assigned';
    case 'note':
      return 'noted';
    case 'tags':
      return 'tagged';
    case 'resolve':
      return 'resolved';
    case 'close':
      return 'closed';
    case 'reopen':
      return 'reopened';
    case 'reply':
      return 'replied';
  }
}
