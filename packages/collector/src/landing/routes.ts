import { isLowScore, LIMITS, SCALES, type Scale, UUID } from '@raaye/protocol';
import { isSpeculative, isStylesheetLoad } from '../channels/scanner';
import { readBodyText } from '../http/read-body';
import { enforce } from '../rate-limit/enforce';
import type { RouteContext } from '../routes/context';
import { repairFreeText } from '../validate/text-safety';
import { storeLinkRating } from './link-rating';
import { type LinkState, type LiveLink, linkState } from './link-state';
import { pageLocale } from './locale';
import { choosePage, formPage, messagePage, type PageEntry } from './page';
import { cssResponse, pageResponse } from './respond';

/** How long after the click the form may still change the answer the click gave. */
const REVISE_MS = 2 * 3_600_000;
const FORM_BYTES = 16_384;

function entryOf(state: LiveLink): PageEntry {
  const locale = pageLocale(state.owed.locale);
  return {
    scale: (state.owed.scale ?? 'stars5') as Scale,
    title: state.owed.prompt ?? locale.strings.title,
    tags: state.owed.tags,
  };
}

/** The page for a link that no longer asks: already rated, cancelled, expired or invalid. */
function closedPage(ctx: RouteContext, state: LinkState): Response {
  const locale = pageLocale('site' in state ? state.owed.locale : null);
  const text = {
    invalid: locale.link.invalid,
    expired: locale.link.expired,
    settled: locale.link.already,
    cancelled: locale.link.cancelled,
    open: locale.link.invalid,
  }[state.kind];
  const status = { invalid: 404, expired: 410, cancelled: 410, settled: 200, open: 200 }[
    state.kind
  ];
  return pageResponse(ctx.request, messagePage(locale, text), status);
}

function limit(ctx: RouteContext, state: LiveLink) {
  enforce(
    ctx.deps.buckets,
    `client:${state.site.id}:${ctx.clientAddress}`,
    state.site.limits.client,
  );
}

function parseScore(text: string | null | undefined, scale: Scale): number | undefined {
  if (!text || !/^\d{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  const [min, max] = SCALES[scale];
  return n >= min && n <= max ? n : undefined;
}

/** `GET|HEAD /r/:token` (SMS, chat): the question with one link per score. No side effects. */
export async function linkChoose(ctx: RouteContext, token: string): Promise<Response> {
  const state = await linkState(ctx, token);
  if (state.kind !== 'open') return closedPage(ctx, state);
  limit(ctx, state);
  const locale = pageLocale(state.owed.locale);
  const here = `${ctx.deps.basePath}/r/${token}`;
  return pageResponse(
    ctx.request,
    choosePage(locale, entryOf(state), (s) => `${here}/${s}`),
  );
}

/**
 * `GET|HEAD /r/:token/:score` (a score link from the e-mail, or from the SMS page): the form with
 * that score chosen. Gives nothing by itself; the page's confirmation stylesheet does, when a
 * browser renders it (see channels/scanner.ts). Prefetches get the page without confirmation.
 */
export async function linkScore(ctx: RouteContext, token: string, raw: string): Promise<Response> {
  const state = await linkState(ctx, token);
  if (state.kind !== 'open') return closedPage(ctx, state);
  limit(ctx, state);
  const entry = entryOf(state);
  const score = parseScore(raw, entry.scale);
  if (score === undefined) return closedPage(ctx, { kind: 'invalid' });
  const visit = crypto.randomUUID();
  const here = `${ctx.deps.basePath}/r/${token}`;
  const confirm =
    ctx.request.method === 'GET' && !isSpeculative(ctx.request)
      ? `${here}/${score}/${visit}.css`
      : undefined;
  const locale = pageLocale(state.owed.locale);
  return pageResponse(
    ctx.request,
    formPage(locale, entry, { score, visit, action: here, confirmUrl: confirm }),
  );
}

/**
 * `GET /r/:token/:score/:visit.css`: a browser rendering the page gives the clicked score (so a
 * person who clicks and closes has rated). Anything that is not a stylesheet load gets the same
 * empty stylesheet and changes nothing.
 */
export async function linkConfirm(
  ctx: RouteContext,
  token: string,
  raw: string,
  visit: string,
): Promise<Response> {
  if (!isStylesheetLoad(ctx.request) || !UUID.test(visit)) return cssResponse();
  const state = await linkState(ctx, token);
  if (state.kind !== 'open') return cssResponse();
  limit(ctx, state);
  const score = parseScore(raw, entryOf(state).scale);
  if (score !== undefined) {
    await storeLinkRating(ctx, state, visit.toLowerCase(), { score, tags: null, comment: null });
  }
  return cssResponse();
}

/**
 * `POST /r/:token` (the form): stores the answer, or revises the one this visit's click gave.
 * A debt settled by any other answer shows "you already rated this".
 */
export async function linkSubmit(ctx: RouteContext, token: string): Promise<Response> {
  const state = await linkState(ctx, token);
  if (state.kind !== 'open' && state.kind !== 'settled') return closedPage(ctx, state);
  limit(ctx, state);
  const type = ctx.request.headers.get('content-type') ?? '';
  const entry = entryOf(state);
  const locale = pageLocale(state.owed.locale);
  const form = /^application\/x-www-form-urlencoded\b/i.test(type)
    ? new URLSearchParams(await readBodyText(ctx.request, FORM_BYTES))
    : new URLSearchParams();
  const score = parseScore(form.get('score'), entry.scale);
  const visitRaw = form.get('visit') ?? '';
  if (score === undefined || !UUID.test(visitRaw)) {
    return pageResponse(ctx.request, messagePage(locale, locale.strings.error), 400);
  }
  const visit = visitRaw.toLowerCase();
  const offered = entry.tags?.[isLowScore(entry.scale, score) ? 'low' : 'high'] ?? [];
  const tags = [...new Set(form.getAll('tag'))]
    .filter((t) => offered.includes(t))
    .slice(0, LIMITS.tags);
  const comment = String(repairFreeText((form.get('comment') ?? '').trim())).slice(
    0,
    LIMITS.comment,
  );
  const answer = { score, tags: tags.length ? tags : null, comment: comment || null };
  const thanks = () => pageResponse(ctx.request, messagePage(locale, locale.strings.thanks));

  if (state.kind === 'open' && (await storeLinkRating(ctx, state, visit, answer))) return thanks();
  // Settled already: by this visit's own click (revise it), or by another answer (say so).
  const now = ctx.deps.now();
  const low = isLowScore(entry.scale, score);
  const revised = await ctx.deps.store.reviseLinkRating(
    state.site.id,
    visit,
    state.owed,
    { ...answer, low },
    new Date(now - REVISE_MS).toISOString(),
    { events: state.site.events, at: new Date(now).toISOString() },
  );
  // A revision to low is a new low rating for the inbox and (through the outbox) for alerts.
  if (revised && low) {
    ctx.deps.inbox.kick(state.site.id);
    if (state.site.events.has('rating.low')) ctx.deps.outbox.kick();
  }
  return revised ? thanks() : pageResponse(ctx.request, messagePage(locale, locale.link.already));
}
