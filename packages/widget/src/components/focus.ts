/**
 * Keep Tab and Shift+Tab cycling inside `root`. A radio group is one stop (its checked radio,
 * else its first), as browsers do.
 */
export function trapTab(e: KeyboardEvent, root: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const stop = root.querySelector('[type=radio]:checked') ?? root.querySelector('[type=radio]');
  const items = [...root.querySelectorAll<HTMLInputElement>('button,textarea,input')].filter(
    (el) => el.type !== 'radio' || el === stop,
  );
  const n = items.length;
  const i = items.indexOf((root.getRootNode() as ShadowRoot).activeElement as HTMLInputElement);
  e.preventDefault();
  items[e.shiftKey ? (i < 1 ? n - 1 : i - 1) : (i + 1) % n]?.focus();
}
