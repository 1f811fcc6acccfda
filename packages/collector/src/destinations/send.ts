import { parseRetryAfter } from '../outbox/backoff';
import type { DestinationConfig } from './config';
import type { Mailer } from './email';
import type { HttpPoster } from './http-post';
import { sendToPeople } from './people';
import { slackMessage } from './slack';
import { summarize } from './summary';
import { teamsMessage } from './teams';
import { standardWebhookHeaders, webhookBody } from './webhook';

export interface SendContext {
  http: HttpPoster;
  mailer: Mailer | undefined;
  publicUrl: string | undefined;
  now: () => number;
  timeoutMs: number;
}

export interface SendResult {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** From the receiver's `Retry-After`, in ms. */
  retryAfterMs?: number;
}

export interface OutgoingEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/** Makes one attempt to hand `event` to `destination`, in that destination's format. */
export async function send(
  destination: DestinationConfig,
  event: OutgoingEvent,
  ctx: SendContext,
): Promise<SendResult> {
  if (destination.kind === 'email') {
    if (!ctx.mailer) {
      return { ok: false, status: null, error: 'no SMTP server configured (set "mail")' };
    }
    try {
      if (destination.people) {
        await sendToPeople(ctx.mailer, event, ctx.publicUrl, destination.people.others);
        return { ok: true, status: null, error: null };
      }
      await ctx.mailer.send(
        destination.to,
        summarize(event.type, event.data, ctx.publicUrl),
        event.id,
      );
      return { ok: true, status: null, error: null };
    } catch (error) {
      return { ok: false, status: null, error: (error as Error).message };
    }
  }
  let body: string;
  let headers: Record<string, string> = {};
  if (destination.kind === 'webhook') {
    body = webhookBody(event);
    headers = standardWebhookHeaders(
      destination.secret,
      event.id,
      Math.floor(ctx.now() / 1000),
      body,
    );
  } else {
    const summary = summarize(event.type, event.data, ctx.publicUrl);
    body = destination.kind === 'slack' ? slackMessage(summary) : teamsMessage(summary);
  }
  const result = await ctx.http.post(destination.url, headers, body);
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const retryAfterMs = parseRetryAfter(result.retryAfter, ctx.now());
  return {
    ok,
    status: result.status,
    error: result.error,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}
