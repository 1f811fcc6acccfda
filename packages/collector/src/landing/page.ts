import { isLowScore, LIMITS, type Scale } from '@raaye/protocol';
import { Html, html } from './html';
import type { PageLocale } from './locale';
import { scaleChoices, scaleEnds } from './scale-choices';
import { PAGE_CSS } from './styles';

/** What the landing page needs to know about the owed entry; never the rater's identity. */
export interface PageEntry {
  scale: Scale;
  /** The site's question, else the widget's "How did we do?". */
  title: string;
  tags: { low?: string[]; high?: string[] } | null;
}

function layout(locale: PageLocale, title: string, body: Html, head: Html | string = ''): string {
  return `<!doctype html>${html`<html lang="${locale.code}" dir="${locale.dir}"><head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${new Html(PAGE_CSS)}</style>${head}
</head><body><main>${body}</main></body></html>`}`;
}

/** A one-sentence page: thanks, already rated, expired, cancelled, invalid. */
export function messagePage(locale: PageLocale, message: string): string {
  return layout(locale, message, html`<h1>${message}</h1>`);
}

const GLYPH_SCALES = new Set<Scale>(['stars5', 'faces5', 'thumbs']);

/** The SMS / chat page before a score: one link per score, each opening the form with it chosen. */
export function choosePage(locale: PageLocale, entry: PageEntry, scoreUrl: (s: number) => string) {
  const choices = scaleChoices(entry.scale, locale);
  const ends = scaleEnds(entry.scale, locale);
  const glyphs = GLYPH_SCALES.has(entry.scale) ? ' glyphs' : '';
  return layout(
    locale,
    entry.title,
    html`<h1><bdi>${entry.title}</bdi></h1>
<p id="hint">${locale.link.choose}</p>
<ul class="options scale-${entry.scale}${glyphs}" aria-describedby="hint${ends ? ' ends' : ''}">${choices.map(
      (c) =>
        html`<li><a href="${scoreUrl(c.value)}">${
          c.glyph === c.name
            ? c.name
            : html`<span aria-hidden="true">${c.glyph}</span><span class="sr">${c.name}</span>`
        }</a></li>`,
    )}</ul>${ends && html`<div class="ends" id="ends"><span>${ends[0]}</span><span>${ends[1]}</span></div>`}`,
  );
}

export interface FormPageOptions {
  score: number;
  /** Identifies this visit's rating; the form revises what the confirmation stored. */
  visit: string;
  action: string;
  /** The confirmation stylesheet a real page visit loads (see channels/scanner.ts). */
  confirmUrl: string | undefined;
}

/**
 * The widget's prompt as a plain form: the score as a radio group (the clicked one checked),
 * follow-up tags for low and high scores, the comment and submit. Works without JavaScript.
 */
export function formPage(locale: PageLocale, entry: PageEntry, o: FormPageOptions): string {
  const s = locale.strings;
  const choices = scaleChoices(entry.scale, locale);
  const ends = scaleEnds(entry.scale, locale);
  const low = isLowScore(entry.scale, o.score);
  const glyphs = GLYPH_SCALES.has(entry.scale) ? ' glyphs' : '';
  const tagSet = (kind: 'low' | 'high', heading: string) => {
    const tags = (entry.tags?.[kind] ?? []).slice(0, LIMITS.tags);
    return (
      tags.length > 0 &&
      html`<fieldset class="tags tags-${kind}"><legend>${heading}</legend><div class="chips">${tags.map(
        (t) =>
          html`<label class="chip"><input type="checkbox" name="tag" value="${t}"><span><bdi>${t}</bdi></span></label>`,
      )}</div></fieldset>`
    );
  };
  const head = o.confirmUrl ? html`\n<link rel="stylesheet" href="${o.confirmUrl}">` : '';
  return layout(
    locale,
    entry.title,
    html`<form method="post" action="${o.action}" class="picked-${low ? 'low' : 'high'}">
<input type="hidden" name="visit" value="${o.visit}">
<fieldset class="scale scale-${entry.scale}${glyphs}"${ends && html` aria-describedby="ends"`}>
<legend><h1><bdi>${entry.title}</bdi></h1></legend>
<div class="options">${choices.map(
      (c) =>
        html`<label class="opt"><input type="radio" name="score" value="${c.value}" class="${
          isLowScore(entry.scale, c.value) ? 'lo' : 'hi'
        }"${c.value === o.score && html` checked`}${c.glyph !== c.name && html` aria-label="${c.name}"`}><span${
          c.glyph !== c.name && html` aria-hidden="true"`
        }>${c.glyph}</span></label>`,
    )}</div>${ends && html`<div class="ends" id="ends"><span>${ends[0]}</span><span>${ends[1]}</span></div>`}
</fieldset>
${tagSet('low', s.wentWrong)}${tagSet('high', s.wentWell)}
<div class="comment"><label for="comment">${s.comment}</label><textarea id="comment" name="comment" rows="3" maxlength="${LIMITS.comment}"></textarea></div>
<button type="submit">${s.submit}</button>
</form>`,
    head,
  );
}
