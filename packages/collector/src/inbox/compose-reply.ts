import type { Actor } from '../activity/activity-store';
import type { InboxEvent } from './events';
import type { FollowUp } from './followup-row';
import { replyTemplate } from './reply-templates';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * A reply becomes one `followup.replied` event. With a contact address it carries a ready
 * e-mail (`data.email`: to, subject, text, and HTML whose only markup is ours, every text
 * escaped) in the customer's language and direction; the outbox's e-mail destination sends it.
 * Without one, the site's webhook gets the event and delivers the reply in its own app.
 */
export function composeReply(siteName: string) {
  return (
    f: FollowUp,
    message: string,
    actor: Actor,
  ): { event: InboxEvent; channel: 'email' | 'app'; to?: string } => {
    const t = replyTemplate(f.rating.locale);
    const reply = { by: actor.name, note: message, at: new Date().toISOString() };
    const base = {
      site: siteName,
      followUp: f.id,
      rating: {
        id: f.id,
        interactionId: f.rating.interactionId,
        scale: f.rating.scale,
        score: f.rating.score,
        raterId: f.rating.raterId,
      },
      reply,
      locale: t.lang,
      dir: t.dir,
    };
    const event = (data: Record<string, unknown>, channel: 'email' | 'app', to?: string) => ({
      event: {
        type: 'followup.replied' as const,
        raterId: f.rating.raterId,
        userId: f.rating.userId,
        subjectId: f.id,
        data,
      },
      channel,
      ...(to ? { to } : {}),
    });
    const to = f.rating.contact;
    if (!to) return event({ ...base, channel: 'app' }, 'app');
    const paragraphs = message
      .split(/\n{2,}/)
      .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`);
    const html = [
      `<!doctype html><html lang="${t.lang}" dir="${t.dir}"><head><meta charset="utf-8"><title>${escapeHtml(t.subject)}</title></head>`,
      `<body dir="${t.dir}" style="font-family:system-ui,sans-serif;text-align:${t.dir === 'rtl' ? 'right' : 'left'}">`,
      `<p>${escapeHtml(t.intro)}</p>`,
      ...paragraphs,
      `<p>${escapeHtml(t.closing)}<br>${escapeHtml(actor.name)} · ${escapeHtml(siteName)}</p>`,
      '</body></html>',
    ].join('\n');
    const text = `${t.intro}\n\n${message}\n\n${t.closing}\n${actor.name} · ${siteName}\n`;
    return event(
      {
        ...base,
        channel: 'email',
        email: { to, subject: t.subject, text, html, lang: t.lang, dir: t.dir },
      },
      'email',
      to,
    );
  };
}
