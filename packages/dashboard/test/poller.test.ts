import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Poller } from '../src/lib/poller';

class FakeDocument extends EventTarget {
  hidden = false;
  setHidden(hidden: boolean) {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

describe('Poller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs at once, then every interval after each run ends', async () => {
    const task = vi.fn(async () => {});
    const poller = new Poller(task, { intervalMs: 5000, document: new FakeDocument() });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(4999);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(task).toHaveBeenCalledTimes(5);
    poller.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(task).toHaveBeenCalledTimes(5);
  });

  it('never runs twice at once; a run asked for meanwhile follows the current one', async () => {
    let active = 0;
    let most = 0;
    const task = vi.fn(async () => {
      active++;
      most = Math.max(most, active);
      await new Promise((r) => setTimeout(r, 3000));
      active--;
    });
    const poller = new Poller(task, { intervalMs: 1000, document: new FakeDocument() });
    poller.start();
    void poller.run();
    void poller.run();
    await vi.advanceTimersByTimeAsync(6000);
    expect(most).toBe(1);
    expect(task).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('stops while the tab is hidden and runs as soon as it shows again', async () => {
    const doc = new FakeDocument();
    const task = vi.fn(async () => {});
    const poller = new Poller(task, { intervalMs: 5000, document: doc });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    doc.setHidden(true);
    expect(poller.paused).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(task).toHaveBeenCalledTimes(1);
    doc.setHidden(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(task).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(task).toHaveBeenCalledTimes(3);
    poller.stop();
  });

  it('keeps polling after a failed run', async () => {
    const task = vi.fn(async () => {
      throw new Error('offline');
    });
    const poller = new Poller(task, { intervalMs: 1000, document: new FakeDocument() });
    poller.start();
    await vi.advanceTimersByTimeAsync(3000);
    expect(task).toHaveBeenCalledTimes(4);
    poller.stop();
  });
});
