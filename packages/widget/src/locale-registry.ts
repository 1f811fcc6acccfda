import type { LocalePack } from './i18n/strings';

/** Locale packs registered globally (script-tag packs call this through `raaye('locale', pack)`). */
export const globalPacks: LocalePack[] = [];
const onArrival = new Set<() => void>();

export function registerLocale(pack: LocalePack): void {
  if (!pack || typeof pack.code !== 'string') return;
  globalPacks.unshift(pack);
  // A pack that arrives after its prompt is on screen re-renders it in its language.
  for (const fn of [...onArrival]) fn();
}

/** Call `fn` whenever a pack is registered; returns the unsubscribe. */
export function onLocale(fn: () => void): () => void {
  onArrival.add(fn);
  return () => onArrival.delete(fn);
}
