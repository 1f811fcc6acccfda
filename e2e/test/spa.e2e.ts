import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium } from '../_util/browser';
import { REPO_ROOT, SITE_KEY } from '../_util/collector';
import { type Stack, startStack, waitFor } from '../_util/scenario';

/** DOM nodes and JS event listeners alive in the page after a full garbage collection. */
async function domCounters(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const counters = await cdp.send('Memory.getDOMCounters');
  await cdp.detach();
  return { nodes: counters.nodes, listeners: counters.jsEventListeners };
}

describeInChromium('single-page app built with Vite (scenario 10)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    // Build examples/npm-app as a site would, pointed at this run's collector.
    const outDir = mkdtempSync(join(tmpdir(), 'raaye-spa-'));
    process.env.VITE_RAAYE_ENDPOINT = stack.collector.url;
    process.env.VITE_RAAYE_SITE_KEY = SITE_KEY;
    await build({
      root: join(REPO_ROOT, 'examples/npm-app'),
      base: '/spa/',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    stack.pages.vars.SPA_DIR = outDir;
  });
  afterAll(() => stack?.stop());

  it('10. mounts, unmounts and re-asks across route changes with no leaked DOM nodes or listeners', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.pages.origin}/spa/`);
    const hosts = () => page.locator('[data-raaye]').count();
    const visit = async (order: string) => {
      await page.getByRole('link', { name: `Order #${order}` }).click();
      await page.getByRole('heading', { name: `Order #${order}` }).waitFor();
    };

    // First visit: the delivery arrives, the prompt shows, the customer rates.
    await visit('1041');
    const dialog = page.getByRole('dialog', { name: /order #1041/ });
    await dialog.waitFor();
    await dialog.getByRole('radio').nth(4).check();
    await dialog.getByRole('button', { name: /submit|send/i }).click();
    await waitFor('the SPA rating', async () =>
      (await stack.collector.stored()).some((r) => r.interactionId === 'order-1041')
        ? true
        : undefined,
    );
    await page.goBack();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    expect(await hosts()).toBe(0);

    // Cycles of route changes: every order view mounts a widget and asks; leaving destroys it.
    const cycle = async (order: string) => {
      await visit(order);
      await page.getByRole('dialog', { name: new RegExp(`order #${order}`) }).waitFor();
      await page.goBack();
      await page.getByRole('heading', { name: 'Your orders' }).waitFor();
      expect(await hosts()).toBe(0);
    };
    await cycle('1042');
    await cycle('1043');
    const before = await domCounters(page);
    for (let i = 0; i < 10; i++) await cycle(i % 2 ? '1042' : '1043');
    const after = await domCounters(page);
    // One leaked prompt is well over 100 nodes; ten cycles would show as 1000+.
    expect(after.nodes - before.nodes).toBeLessThan(60);
    expect(after.listeners - before.listeners).toBeLessThanOrEqual(2);

    // The rated order is not asked again (one rating per interaction); the view still works.
    await visit('1041');
    await page.waitForTimeout(1200);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.locator('body').getAttribute('data-last-result')).toBe('skipped');
    console.info('scenario 10 DOM counters before/after 10 route cycles:', before, after);
    expect(
      (await stack.collector.stored()).filter((r) => r.interactionId === 'order-1041'),
    ).toHaveLength(1);
    await page.close();
  });

  it('10b. the React variant mounts in an effect, asks once delivered and cleans up on unmount', async () => {
    const page = await stack.browser.newPage();
    await page.goto(`${stack.pages.origin}/spa/react.html`);
    await page.getByRole('button', { name: 'Order #1042' }).click();
    const dialog = page.getByRole('dialog', { name: /order #1042/ });
    await dialog.waitFor();
    // Under React StrictMode (a development build here) the effect runs, is cleaned up and runs
    // again: exactly one widget must remain.
    expect(await page.locator('[data-raaye]').count()).toBe(1);
    await dialog.getByRole('radio').nth(3).check();
    await dialog.getByRole('button', { name: /submit|send/i }).click();
    await waitFor('the React rating', async () =>
      (await stack.collector.stored()).some((r) => r.interactionId === 'order-1042')
        ? true
        : undefined,
    );
    await dialog.waitFor({ state: 'detached' }); // the thank-you closes itself
    expect(await page.locator('[data-raaye]').count()).toBe(1); // still mounted with the view
    await page.getByRole('button', { name: 'Back to orders' }).click();
    await page.getByRole('heading', { name: 'Your orders' }).waitFor();
    expect(await page.locator('[data-raaye]').count()).toBe(0);
    await page.close();
  });
});
