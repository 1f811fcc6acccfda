/**
 * Make everything but `keep` inert (body children only, which is where modal hosts live), and
 * return a function that restores exactly what was changed.
 */
export function inertOthers(keep: Element): () => void {
  const changed: Element[] = [];
  for (const el of Array.from(document.body.children)) {
    if (el === keep || el.hasAttribute('inert') || el.contains(keep)) continue;
    el.setAttribute('inert', '');
    changed.push(el);
  }
  return () => {
    for (const el of changed) el.removeAttribute('inert');
  };
}

/**
 * Whether `box` (inside `host`'s shadow root) is really on screen and on top: not hidden by a page
 * rule (display, visibility, opacity on the host or an ancestor), not scaled away and not covered.
 * Before this says yes, the page must not be made inert: a page we lock must show its way out.
 */
export function isOnScreen(box: HTMLElement, host: HTMLElement): boolean {
  if (box.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) === false)
    return false;
  const r = box.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + Math.min(r.height / 2, 40));
  // No hit and no size: an engine without layout (happy-dom); checkVisibility is all it can say.
  return hit ? hit === host : !r.width;
}
