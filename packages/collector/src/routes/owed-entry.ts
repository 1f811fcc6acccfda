import type { Scale } from '@raaye/protocol';
import { emailFragment } from '../channels/email-fragment';
import { owedLinks } from '../channels/link-urls';
import { CollectorError } from '../errors';
import { json } from '../http/respond';
import { pageLocale } from '../landing/locale';
import type { OwedRecord } from '../store/types';
import type { SiteContext } from './context';

async function entry(ctx: SiteContext, id: string) {
  const { site } = ctx;
  const owed = await ctx.deps.store.getOwed(site.id, id);
  if (!owed) throw new CollectorError('not_found', `no owed entry ${id}`);
  return { site, owed };
}

/** The entry as the secret-key API shows it, with what it is now. */
function view(owed: OwedRecord, now: number) {
  const state = owed.settledAt
    ? 'answered'
    : owed.cancelledAt
      ? 'cancelled'
      : Date.parse(owed.expiresAt) <= now
        ? 'expired'
        : 'open';
  return { ...owed, state };
}

/**
 * `DELETE /v1/owed/:id` (secret key): the rating is no longer wanted. The widget stops asking on
 * its next check (`closed` in `GET /v1/owed`) and the links say so. A settled entry stays settled.
 */
export async function cancelOwed(ctx: SiteContext, id: string): Promise<Response> {
  const { site } = ctx;
  const now = ctx.deps.now();
  const owed = await ctx.deps.store.cancelOwed(site.id, id, new Date(now).toISOString());
  if (!owed) throw new CollectorError('not_found', `no owed entry ${id}`);
  return json({ owed: view(owed, now) });
}

/** `GET /v1/owed/:id` (secret key): the entry, its state and its links. */
export async function getOwedEntry(ctx: SiteContext, id: string): Promise<Response> {
  const { site, owed } = await entry(ctx, id);
  return json({ owed: view(owed, ctx.deps.now()), links: owedLinks(ctx, site, owed) });
}

/**
 * `GET /v1/owed/:id/email` (secret key): a ready HTML fragment with one link per score, in the
 * entry's language, for the site's own e-mail template.
 */
export async function owedEmail(ctx: SiteContext, id: string): Promise<Response> {
  const { site, owed } = await entry(ctx, id);
  const locale = pageLocale(owed.locale);
  const links = owedLinks(ctx, site, owed);
  const body = emailFragment(locale, {
    scale: (owed.scale ?? 'stars5') as Scale,
    title: owed.prompt ?? locale.strings.title,
    urls: new Map(links.scores.map((s) => [s.score, s.url])),
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // A fragment to paste into a template, never a page to show here.
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
