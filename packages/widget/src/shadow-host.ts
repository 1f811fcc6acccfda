import css from './components/RatingPrompt.css?inline';

export interface ShadowHost {
  host: HTMLElement;
  /** The element Preact renders into. */
  root: HTMLElement;
}

/**
 * Create the host element and its shadow root, once per mount. The host is a custom element
 * (no page rule for `div` reaches it) whose shadow styles force it shown with `!important`, which
 * beats the page's own `!important` rules. Styles go in through adoptedStyleSheets; where that is
 * missing, a `<style>` carrying the CSP nonce.
 */
export function createShadowHost(nonce?: string): ShadowHost {
  const host = document.createElement('raaye-prompt');
  host.setAttribute('data-raaye', '');
  const shadow = host.attachShadow({ mode: 'open' });
  if (shadow.adoptedStyleSheets) {
    // Constructable sheets: allowed under `style-src 'self'`, no nonce needed.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    if (nonce) style.nonce = nonce;
    style.textContent = css;
    shadow.append(style);
  }
  const root = document.createElement('div');
  shadow.append(root);
  return { host, root };
}

/**
 * Run `fn` once `<body>` exists. An async script in `<head>` can run while the server is still
 * streaming the body; the parser adds `<body>` to `<html>`, which the observer sees at once.
 */
export function whenBody(fn: (body: HTMLElement) => void): () => void {
  if (document.body) {
    fn(document.body);
    return () => {};
  }
  const mo = new MutationObserver(() => {
    if (!document.body) return;
    mo.disconnect();
    fn(document.body);
  });
  mo.observe(document.documentElement, { childList: true });
  return () => mo.disconnect();
}
