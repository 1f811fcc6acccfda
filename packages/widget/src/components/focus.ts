const SELECTOR =
  'button:not([disabled]),input:not([disabled]),textarea:not([disabled]),[tabindex]:not([tabindex="-1"])';

/**
 * Elements Tab can reach inside `root`, in order. A radio group is one stop (its checked radio,
 * else its first), as browsers do.
 */
export function tabbables(root: ParentNode): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(SELECTOR)];
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    const group = all.filter(
      (o): o is HTMLInputElement =>
        o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name,
    );
    const checked = group.find((o) => o.checked);
    return checked ? checked === el : group[0] === el;
  });
}

/** Keep Tab and Shift+Tab cycling inside `root`. Returns true when it moved focus. */
export function trapTab(e: KeyboardEvent, root: HTMLElement): boolean {
  if (e.key !== 'Tab') return false;
  const items = tabbables(root);
  if (!items.length) return false;
  const active = (root.getRootNode() as ShadowRoot | Document).activeElement;
  const i = items.indexOf(active as HTMLElement);
  const next = e.shiftKey
    ? items[i <= 0 ? items.length - 1 : i - 1]
    : items[i < 0 || i === items.length - 1 ? 0 : i + 1];
  e.preventDefault();
  next?.focus();
  return true;
}
