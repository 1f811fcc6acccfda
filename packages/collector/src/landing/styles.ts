import { createHash } from 'node:crypto';

/**
 * The landing page's look: the widget's tokens and shapes (packages/widget/src/components/
 * RatingPrompt.css) for a whole page instead of a shadow root. Inline in the one HTML response,
 * allowed by its hash in the CSP, so the page renders from a single request and no inline style
 * attribute or script is ever needed. `:has()` shows the follow-up tags matching the checked
 * score and fills the stars up to it without JavaScript; without `:has()` the server's choice
 * for the clicked score stands.
 */
export const PAGE_CSS = `
:root{--accent:#0b57d0;--on:#fff;--bg:#fff;--page:#f3f3f6;--text:#1b1b1f;--muted:#4f4f57;--line:#8a8a93;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--accent:#a8c7fa;--on:#062e6f;--bg:#1f1f23;--page:#121214;--text:#f1f1f4;--muted:#c4c4cc;--line:#8e8e98}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:flex-start;justify-content:center;padding:16px;background:var(--page);color:var(--text);font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{width:100%;max-width:420px;margin-top:8vh;padding:20px;border-radius:12px;background:var(--bg);box-shadow:0 8px 32px #0003}
h1{font-size:1.15em;margin:0 0 12px;font-weight:600}
p{margin:0 0 12px}
fieldset{border:0;margin:0 0 12px;padding:0;min-width:0}
legend{padding:0;margin-bottom:8px;font-weight:600}
.options,.chips,.ends{display:flex;flex-wrap:wrap;gap:6px;list-style:none;margin:0;padding:0}
.ends{justify-content:space-between;margin-top:4px;font-size:.85em;color:var(--muted)}
label{position:relative;display:inline-flex}
input{position:absolute;opacity:0;inset:0;width:100%;height:100%;margin:0;cursor:pointer}
label span,.options a{display:inline-flex;align-items:center;justify-content:center;min-width:44px;min-height:44px;padding:0 8px;border:1px solid var(--line);border-radius:8px;color:var(--text);text-decoration:none}
:checked+span{background:var(--accent);border-color:var(--accent);color:var(--on)}
.glyphs label span,.glyphs a{border-color:#0000;background:none;font-size:1.8em}
.scale-stars5 label span,.scale-stars5 a{color:var(--line)}
.scale-stars5 :checked+span,.scale-stars5 .opt:has(~.opt :checked) span{color:var(--accent);background:none}
.scale-faces5 .opt span,.scale-thumbs .opt span{filter:grayscale(1)}
.scale-faces5 :checked+span,.scale-thumbs :checked+span{filter:none;background:none;border-color:var(--accent)}
.chip span{min-height:36px;border-radius:18px}
:focus-visible,:focus-visible+span{outline:3px solid var(--accent);outline-offset:2px}
.picked-low .tags-high,.picked-high .tags-low{display:none}
form:has(.lo:checked) .tags-low,form:has(.hi:checked) .tags-high{display:block}
form:has(.lo:checked) .tags-high,form:has(.hi:checked) .tags-low{display:none}
.comment label{display:block;margin-bottom:6px;font-weight:600}
textarea{width:100%;font:inherit;color:inherit;background:none;border:1px solid var(--line);border-radius:8px;padding:8px}
button{font:inherit;cursor:pointer;min-height:44px;width:100%;margin-top:12px;border:0;border-radius:8px;background:var(--accent);color:var(--on);font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (forced-colors:active){:checked+span{outline:2px solid Highlight}}
`.trim();

/** For `style-src 'sha256-…'`: the one inline style block the CSP allows. */
export const PAGE_CSS_HASH = `'sha256-${createHash('sha256').update(PAGE_CSS).digest('base64')}'`;
