/** A minimal History API router: enough to show the widget across client-side route changes. */
export type View = (root: HTMLElement, params: Record<string, string>) => (() => void) | undefined;

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

export function startRouter(root: HTMLElement, routes: Array<[RegExp, View]>) {
  let leave: (() => void) | undefined;
  const render = () => {
    leave?.(); // the previous view cleans up (unmounts its widget) before the next one renders
    leave = undefined;
    root.replaceChildren();
    const path = location.pathname.slice(base.length) || '/';
    for (const [pattern, view] of routes) {
      const match = pattern.exec(path);
      if (match) {
        leave = view(root, match.groups ?? {});
        return;
      }
    }
    root.textContent = 'Not found';
  };
  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-link]');
    if (!link) return;
    event.preventDefault();
    history.pushState(null, '', link.href);
    render();
  });
  window.addEventListener('popstate', render);
  render();
}

export const href = (path: string) => `${base}${path}`;
