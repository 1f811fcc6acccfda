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
