import { afterAll, beforeAll, expect, it } from 'vitest';
import { backends } from '../_util/backends';
import { describeInChromium } from '../_util/browser';
import { focused, type Stack, startStack, tabUntil, waitFor } from '../_util/scenario';

for (const backend of backends()) {
  describeInChromium(`${'script tag (scenarios 1 and 6)'} on ${backend.name}`, () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack(backend);
    });
    afterAll(() => stack?.stop());

    it('1. a keyboard-only user completes a prompt queued before raaye.js loaded; one rating is stored', async () => {
      const page = await stack.browser.newPage();
      await page.goto(`${stack.pages.origin}/?id=ride-kb`);
      expect(await page.evaluate('window.__queuedBeforeLoad')).toBe(true);
      const dialog = page.getByRole('dialog', { name: /How was your ride with Ali/ });
      await dialog.waitFor();
      // Focus moves into the prompt after its first frame (not with the first render, so it
      // forces no layout): wait for it, then pick 2 stars with Space and the arrow keys.
      await expect.poll(() => focused(page), { timeout: 10_000 }).toMatch(/^input\[radio\]/);
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      expect(await dialog.getByRole('radio', { checked: true }).getAttribute('value')).toBe('2');
      await tabUntil(page, /Late pickup/);
      await page.keyboard.press('Space');
      await tabUntil(page, /^textarea/);
      await page.keyboard.type('Driver took a long detour');
      await tabUntil(page, /^button\[submit\]/);
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: /Thank/ }).waitFor();

      const [rating] = await waitFor('the stored rating', async () => {
        const rows = await stack.collector.stored();
        return rows.length ? rows : undefined;
      });
      expect(await stack.collector.stored()).toHaveLength(1);
      expect(rating).toMatchObject({
        interactionId: 'ride-kb',
        scale: 'stars5',
        score: 2,
        tags: ['Late pickup'],
        comment: 'Driver took a long detour',
        source: 'web',
      });
      // Nothing but the page, the SDK and the rating itself was requested before the prompt.
      expect(stack.pages.log.filter((p) => p.startsWith('/sdk/'))).toEqual(['/sdk/raaye.js']);
      await page.close();
    });

    it('6. a required prompt cannot be escaped, comes back after the page is closed, and never after rating', async () => {
      const context = await stack.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${stack.pages.origin}/?id=ride-req&required`);
      const dialog = page.getByRole('dialog', { name: /How was your ride with Ali/ });
      await dialog.waitFor();
      expect(await dialog.getByRole('button', { name: /close/i }).count()).toBe(0);

      await page.keyboard.press('Escape');
      await page.mouse.click(5, 5);
      expect(await dialog.isVisible()).toBe(true);
      // Tab cycles inside the dialog; the page behind is inert.
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.tagName)).not.toMatch(
          /^(BUTTON|A)$/,
        );
      }
      expect(await page.evaluate(() => (document.querySelector('main') as HTMLElement).inert)).toBe(
        true,
      );
      await page
        .locator('#book')
        .click({ force: true, timeout: 1000 })
        .catch(() => {});
      expect(await dialog.isVisible()).toBe(true);

      // Closing the tab leaves the prompt owed: a new page view of the same site shows it again.
      await page.close();
      const again = await context.newPage();
      await again.goto(`${stack.pages.origin}/`);
      const back = again.getByRole('dialog', { name: /How was your ride with Ali/ });
      await back.waitFor();
      await back.getByRole('radio').nth(4).check();
      await back.getByRole('button', { name: /submit|send/i }).click();
      await again.getByRole('status').filter({ hasText: /Thank/ }).waitFor();
      await waitFor('the required rating', async () =>
        (await stack.collector.stored()).find((r) => r.interactionId === 'ride-req'),
      );
      await again.close();

      const third = await context.newPage();
      await third.goto(`${stack.pages.origin}/`);
      await third.waitForFunction('window.raaye && !Array.isArray(window.raaye.q)');
      await third.waitForTimeout(1500);
      expect(await third.getByRole('dialog').count()).toBe(0);
      expect(
        (await stack.collector.stored()).filter((r) => r.interactionId === 'ride-req'),
      ).toHaveLength(1);
      await context.close();
    });
  });
}
