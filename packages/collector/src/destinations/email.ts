import nodemailer from 'nodemailer';
import { escapeHtml, headerText } from './escape';
import type { Summary } from './summary';

/** The collector's outgoing mail: an SMTP URL (`smtp://user:pass@host:587`) and a sender. */
export interface MailConfig {
  smtp: string;
  from: string;
}

/** A message written elsewhere (the reply to a customer, in their language). */
export interface PreparedMail {
  to: string;
  subject: string;
  text: string;
  /** Markup built by the collector, every text in it escaped. */
  html: string;
  lang: string;
}

export interface Mailer {
  send(to: string[], summary: Summary, eventId: string): Promise<void>;
  sendPrepared(mail: PreparedMail, eventId: string): Promise<void>;
  close(): void;
}

/** Each address once, compared case-insensitively (the first spelling is kept). */
export function uniqueAddresses(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const key = a.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * E-mail through nodemailer's pooled SMTP transport: at most `maxConnections` connections,
 * each bounded by `timeoutMs`, so a stuck server holds no more than the web destinations do.
 */
export function smtpMailer(config: MailConfig, maxConnections: number, timeoutMs: number): Mailer {
  const transport = nodemailer.createTransport(config.smtp, {
    pool: true,
    maxConnections,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  } as never);
  return {
    async send(to, summary, eventId) {
      await transport.sendMail({
        from: config.from,
        to: uniqueAddresses(to),
        subject: headerText(summary.title),
        // The event id lets a mail client thread or dedupe a redelivery.
        messageId: `<${eventId}@raaye.invalid>`,
        text: textBody(summary),
        html: htmlBody(summary),
      });
    },
    async sendPrepared(mail, eventId) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: headerText(mail.subject),
        messageId: `<${eventId}@raaye.invalid>`,
        headers: { 'Content-Language': mail.lang },
        text: mail.text,
        html: mail.html,
      });
    },
    close: () => transport.close(),
  };
}

function textBody(summary: Summary): string {
  const lines = [summary.title, '', ...summary.fields.map((f) => `${f.label}: ${f.value}`)];
  if (summary.link) lines.push('', `${summary.link.label}: ${summary.link.url}`);
  return lines.join('\n');
}

function htmlBody(summary: Summary): string {
  const rows = summary.fields
    .map(
      (f) =>
        `<tr><th scope="row" style="text-align:start;padding:4px 12px 4px 0;vertical-align:top">${escapeHtml(f.label)}</th><td style="padding:4px 0;white-space:pre-wrap">${escapeHtml(f.value)}</td></tr>`,
    )
    .join('');
  const link = summary.link
    ? `<p><a href="${escapeHtml(summary.link.url)}">${escapeHtml(summary.link.label)}</a></p>`
    : '';
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif"><h1 style="font-size:18px">${escapeHtml(summary.title)}</h1><table role="presentation">${rows}</table>${link}</body></html>`;
}
