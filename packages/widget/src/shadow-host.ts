import css from './components/RatingPrompt.css?inline';

export interface ShadowHost {
  host: HTMLElement;
  /** The element Preact renders into. */
  root: HTMLElement;
}

/**
 * Create the host element and its shadow root, once per mount. Styles go in through
 * adoptedStyleSheets; where that is missing, a `<style>` carrying the CSP nonce.
 */
export function createShadowHost(parent: HTMLElement, nonce?: string): ShadowHost {
  const host = document.createElement('div');
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
  parent.append(host);
  return { host, root };
}
