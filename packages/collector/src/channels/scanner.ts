/**
 * Mail scanners and link checkers open every link in a message: a plain GET (or HEAD) and stop,
 * or a prefetch. None of that may give a score. What a person's browser does and they do not:
 * render the page, which loads its stylesheet. So a click only shows the page; the score it
 * carries is given when the page's confirmation stylesheet is fetched *as a stylesheet*
 * (Fetch Metadata `Sec-Fetch-Dest: style`), which also covers a person who clicks and closes.
 * A scanner that renders pages in a full browser is indistinguishable from a person; that is
 * documented in docs/channels.md.
 */

/** Prefetches and prerenders announce themselves (Chromium, Firefox, Safari, proxies). */
export function isSpeculative(request: Request): boolean {
  const h = request.headers;
  const purpose = [h.get('sec-purpose'), h.get('purpose'), h.get('x-purpose'), h.get('x-moz')]
    .filter(Boolean)
    .join(' ');
  return /prefetch|prerender|preview/i.test(purpose);
}

/**
 * True for a browser loading a `<link rel=stylesheet>`: `Sec-Fetch-Dest: style` where Fetch
 * Metadata is sent (every current engine on https and localhost); without it (older Safari, or
 * plain http to a non-local host), a request that asks for CSS. A crawler following the href
 * as a document says `document` / `text/html` and does not count.
 */
export function isStylesheetLoad(request: Request): boolean {
  if (request.method !== 'GET' || isSpeculative(request)) return false;
  const dest = request.headers.get('sec-fetch-dest');
  if (dest !== null) return dest === 'style';
  return /(^|,)\s*text\/css\b/.test(request.headers.get('accept') ?? '');
}
