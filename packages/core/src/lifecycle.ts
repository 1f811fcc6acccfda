export interface LifecycleHandlers {
  /** The browser is back online. */
  online: () => void;
  /** The page came back from the back/forward cache: timers may have been frozen. */
  resumed: () => void;
  /** The page is being hidden or unloaded: the last moment to hand ratings to the network. */
  hidden: () => void;
}

/**
 * Page lifecycle triggers for sending. Uses `pagehide` and `visibilitychange` (never `unload` or
 * `beforeunload`, which break the back/forward cache and do not fire on mobile app switches).
 * Returns a function that removes every listener. A no-op outside browsers.
 */
export function watchLifecycle(handlers: LifecycleHandlers): () => void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return () => {};
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') handlers.hidden();
  };
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) handlers.resumed();
  };
  const listeners: Array<[EventTarget, string, (event: never) => void]> = [
    [window, 'online', handlers.online],
    [window, 'pagehide', handlers.hidden],
    [window, 'pageshow', onPageShow],
    [document, 'visibilitychange', onVisibility],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn as EventListener);
  return () => {
    for (const [target, type, fn] of listeners)
      target.removeEventListener(type, fn as EventListener);
  };
}
