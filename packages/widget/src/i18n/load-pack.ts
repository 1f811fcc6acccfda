/**
 * Fetching a language pack the page needs but did not load. Only the script-tag build knows where
 * packs live (`raaye.<code>.js` beside `raaye.js`), so it registers its script element here.
 */
let from: HTMLScriptElement | null | undefined;
const asked = new Set<string>();

export function setPackSource(script: HTMLScriptElement | null): void {
  from = script;
}

/**
 * Ask for the shipped pack `code`, once. It arrives through `raaye('locale', pack)`, which
 * re-renders the prompt. When `raaye.js` is pinned with `integrity`, loading an unpinned file
 * beside it would bypass that pin: then, as without a script tag, we only say what to add.
 */
export function requestPack(code: string): void {
  if (asked.has(code)) return;
  asked.add(code);
  const file = `raaye.${code}.js`;
  const warn = (why: string) =>
    console.warn(`[raaye] no "${code}" strings: ${why}; showing English until they arrive.`);
  if (!from?.src) {
    warn(`pass locales: [${code}] from @raaye/widget/locales/${code}`);
    return;
  }
  if (from.integrity) {
    warn(`add <script async src="${file}" integrity=…> beside raaye.js`);
    return;
  }
  const s = document.createElement('script');
  s.src = new URL(file, from.src).href;
  s.async = true;
  if (from.nonce) s.nonce = from.nonce;
  if (from.crossOrigin !== null) s.crossOrigin = from.crossOrigin;
  s.onerror = () => warn(`${s.src} did not load`);
  document.head.append(s);
}
