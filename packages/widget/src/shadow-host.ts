import css from './components/RatingPrompt.css?inline';

let shared: CSSStyleSheet | undefined;

/** One constructed sheet shared by every shadow root; allowed under `style-src 'self'`. */
function sheet(): CSSStyleSheet | undefined {
  try {
    if (!shared) {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      shared = s;
    }
    return shared;
  } catch {
    return undefined;
  }
}

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
  const s = 'adoptedStyleSheets' in shadow ? sheet() : undefined;
  if (s) {
    shadow.adoptedStyleSheets = [s];
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
