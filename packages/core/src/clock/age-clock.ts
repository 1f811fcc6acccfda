import type { StorageHandle } from '../storage/storage-handle';

const CLOCK_KEY = 'm:clock';

interface Ledger {
  /** Device clock at the last page view that ran the SDK. */
  wall: number;
  /** Elapsed time the SDK has witnessed, in ms, at that moment. */
  mono: number;
}

/**
 * A second opinion on age that a wrong device clock cannot fool (issue 10: a rating made while
 * the clock read 1999 was dropped as `expired` once the clock was right). Within a page it is
 * `performance.now()`, which is monotonic; between page views it adds the device clock's gap only
 * when that gap is plausible (forward and at most `maxGapMs`), so a clock that jumps by years adds
 * nothing. It can only under-count age, which keeps ratings longer, never shorter.
 */
export function createAgeClock(store: StorageHandle, maxGapMs: number) {
  let start: Promise<number> | undefined;
  const elapsed = () => (typeof performance === 'undefined' ? Date.now() : performance.now());
  return async (): Promise<number> => {
    start ??= (async () => {
      const wall = Date.now();
      const at = elapsed();
      const ledger = await store.update<Ledger>(CLOCK_KEY, (old) => {
        const gap = old ? wall - old.wall : 0;
        return { wall, mono: (old?.mono ?? 0) + (gap >= 0 && gap <= maxGapMs ? gap : 0) };
      });
      return (ledger as Ledger).mono - at;
    })();
    return (await start) + elapsed();
  };
}

export type AgeClock = ReturnType<typeof createAgeClock>;
