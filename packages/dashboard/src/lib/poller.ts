export interface PollerOptions {
  /** @default 5000 */
  intervalMs?: number;
  /** @default globalThis.document */
  document?: Pick<Document, 'hidden' | 'addEventListener' | 'removeEventListener'>;
}

/**
 * Runs `task` now and then `intervalMs` after each run ends (never two at once). While the tab is
 * hidden it stops; when the tab shows again it runs at once, so idle tabs cost the collector
 * nothing. (Each run's GETs are conditional on the collector's ETags; see api/client.ts.)
 */
export class Poller {
  readonly #task: () => Promise<void>;
  readonly #interval: number;
  readonly #doc: PollerOptions['document'];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #again = false;
  #stopped = true;

  constructor(task: () => Promise<void>, options: PollerOptions = {}) {
    this.#task = task;
    this.#interval = options.intervalMs ?? 5000;
    this.#doc = options.document ?? globalThis.document;
  }

  /** True while polling is paused because the tab is hidden. */
  get paused(): boolean {
    return this.#doc?.hidden ?? false;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#doc?.addEventListener('visibilitychange', this.#onVisibility);
    void this.run();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#doc?.removeEventListener('visibilitychange', this.#onVisibility);
  }

  /** Runs now (after the current run, if one is under way) and restarts the interval. */
  async run(): Promise<void> {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    clearTimeout(this.#timer);
    this.#running = true;
    try {
      await this.#task();
    } catch {
      // The task reports its own errors; polling goes on.
    } finally {
      this.#running = false;
    }
    if (this.#again) {
      this.#again = false;
      return this.run();
    }
    this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#stopped || this.paused) return;
    this.#timer = setTimeout(() => void this.run(), this.#interval);
  }

  #onVisibility = (): void => {
    if (this.paused) clearTimeout(this.#timer);
    else void this.run();
  };
}
