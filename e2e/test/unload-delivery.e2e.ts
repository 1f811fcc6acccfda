import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, launchChromium } from '../_util/browser';
import { rateInUi, type Stack, startStack, waitFor } from '../_util/scenario';

/**
 * Issue 15: ratings still queued when the page goes away leave in `pagehide` itself, from memory
 * (a storage read there never returns: the document is gone first), with a keepalive fetch.
 * Each case makes the page with the SDK the only one that could deliver the rating, or holds the
 * next page's SDK back, so a delivery proves the unload path, not the next page view.
 */
describeInChromium('ratings queued at pagehide leave with the page', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  const delivered = (id: string, timeoutMs = 10_000) =>
    waitFor(
      `rating for ${id} at the collector`,
      async () => {
        const rows = (await stack.collector.stored()).filter((r) => r.interactionId === id);
        return rows.length ? rows : undefined;
      },
      timeoutMs,
    );

  /**
   * Rates while offline, then comes back online: the rating is queued, and the SDK's own retry
   * waits 1–2 s after `online`, so a navigation right away finds it still queued.
   */
  async function rateOffline(context: BrowserContext, id: string, query = ''): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${stack.pages.origin}/?id=${id}${query}`);
    await page.getByRole('dialog').waitFor();
    await context.setOffline(true);
    await rateInUi(page, 5);
    await context.setOffline(false);
    return page;
  }

  it('link navigation to a page without the SDK', async () => {
    const context = await stack.browser.newContext();
    const page = await rateOffline(context, 'unload-link');
    await page.evaluate(() => {
      location.href = '/plain.html';
    });
    await page.waitForURL('**/plain.html');
    const [row] = await delivered('unload-link');
    expect(row?.score).toBe(5);
    await context.close();
  });

  it('tab close', async () => {
    const context = await stack.browser.newContext();
    const page = await rateOffline(context, 'unload-close');
    await page.close();
    await delivered('unload-close');
    await context.close();
  });

  it('reload, with the reloaded page’s SDK held back until the rating has arrived', async () => {
    const context = await stack.browser.newContext();
    const page = await rateOffline(context, 'unload-reload');
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await context.route('**/sdk/raaye.js', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    const reload = page.reload({ waitUntil: 'commit' });
    try {
      await delivered('unload-reload');
    } finally {
      release();
    }
    await reload;
    await context.close();
  });

  it('back/forward cache: sent when the page is frozen, not only when it is destroyed', async () => {
    // Playwright turns the back/forward cache off by default.
    const browser = await launchChromium({ ignoreDefaultArgs: ['--disable-back-forward-cache'] });
    try {
      const context = await browser.newContext();
      const page = await rateOffline(context, 'unload-bfcache', '&bfcache');
      await page.evaluate(() => {
        addEventListener('pagehide', (event) => {
          (window as unknown as { __persisted: boolean }).__persisted = event.persisted;
        });
        location.href = '/plain.html';
      });
      await page.waitForURL('**/plain.html');
      await delivered('unload-bfcache');
      await page.goBack({ waitUntil: 'commit' }); // a restore fires no load event
      // Restored from the cache (same JS heap), so the pagehide above was the frozen kind.
      expect(
        await page.evaluate(() => (window as unknown as { __persisted?: boolean }).__persisted),
      ).toBe(true);
      await context.close();
    } finally {
      await browser.close();
    }
  });
});
