/**
 * The package's one event policy: listeners run in order, and a listener that throws neither stops
 * the others nor breaks the prompt; its error goes to `reportError`, so the page's error reporting
 * (window.onerror, Sentry…) sees it as it would see an uncaught one (console where it is missing).
 */
export function createEmitter<Events extends object>(
  extra?: (event: string, payload: unknown) => void,
) {
  const listeners = new Map<keyof Events, Set<(p: never) => void>>();
  return {
    on<E extends keyof Events>(event: E, fn: (payload: Events[E]) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(fn as (p: never) => void);
      return () => set.delete(fn as (p: never) => void);
    },
    emit<E extends keyof Events>(event: E, payload: Events[E]): void {
      const all = [...(listeners.get(event) ?? [])] as Array<(p: Events[E]) => void>;
      if (extra) all.push((p) => extra(event as string, p));
      for (const fn of all) {
        try {
          fn(payload);
        } catch (e) {
          typeof reportError === 'function' ? reportError(e) : console.error(e);
        }
      }
    },
    clear: () => listeners.clear(),
  };
}
