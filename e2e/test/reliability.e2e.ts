import { afterAll, beforeAll, expect, it } from 'vitest';
import { backends } from '../_util/backends';
import { describeInChromium } from '../_util/browser';
import { pageEvents, rateInUi, type Stack, startStack, waitFor } from '../_util/scenario';

const storedFor = async (stack: Stack, interactionId: string) =>
  (await stack.collector.stored()).filter((r) => r.interactionId === interactionId);

for (const backend of backends()) {
  describeInChromium(`${'delivery under failure (scenarios 2–5)'} on ${backend.name}`, () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack(backend);
    });
    afterAll(() => stack?.stop());

    it('2. offline: rate, reload while offline, go online — exactly one rating, original createdAt', async () => {
      const context = await stack.browser.newContext();
      const page = await context.newPage();
      await page.goto(`${stack.pages.origin}/?id=ride-offline`);
      await page.getByRole('dialog').waitFor();
      await context.setOffline(true);
      const thanks = await rateInUi(page, 4);
      expect(thanks).toMatch(/saved/i);
      expect(thanks).not.toMatch(/\b(has been|was|is) sent\b/i);
      const [submitted] = await pageEvents(page, 'submitted');
      const createdAt = (submitted?.rating as { createdAt?: string } | undefined)?.createdAt;
      expect(createdAt).toBeTruthy();
      await page.reload().catch(() => {}); // offline: the reload itself fails, as on a phone
      await page.waitForTimeout(500);
      // Not asserted: that nothing arrived while "offline". Since core sends the queue on
      // pagehide as a keepalive fetch, Chromium's offline emulation (and Playwright's route
      // interception, tried) lets that unload send through — the browser process makes it after
      // the page is gone — which a phone without signal could not. What must hold either way:
      // exactly one stored rating, with the createdAt the device gave it.
      await context.setOffline(false);
      await page.goto(`${stack.pages.origin}/`);
      const [rating] = await waitFor('the offline rating', async () => {
        const rows = await storedFor(stack, 'ride-offline');
        return rows.length ? rows : undefined;
      });
      expect(rating?.deviceCreatedAt).toBe(createdAt);
      await page.waitForTimeout(1000);
      expect(await storedFor(stack, 'ride-offline')).toHaveLength(1);
      await context.close();
    });

    it('3. collector down (503 + Retry-After, 500, timeout) then healthy: arrives once, Retry-After respected', async () => {
      const context = await stack.browser.newContext();
      const attempts: number[] = [];
      // The collector's real CORS headers: without them the page could not read the status at all.
      const cors = {
        'access-control-allow-origin': stack.pages.origin,
        'access-control-expose-headers': 'Retry-After',
        'content-type': 'application/json',
      };
      await context.route(`${stack.collector.url}/v1/ratings`, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        // The device's own clock for each attempt (sentAt is refreshed per attempt); the test
        // process's clock would add its own event-loop delays.
        attempts.push(Date.parse(JSON.parse(route.request().postData() ?? '{}').sentAt));
        const n = attempts.length;
        if (n === 1) {
          return route.fulfill({
            status: 503,
            headers: { ...cors, 'retry-after': '2' },
            body: '{}',
          });
        }
        if (n === 2) return route.fulfill({ status: 500, headers: cors, body: '{}' });
        if (n === 3) {
          await new Promise((r) => setTimeout(r, 11_000)); // past the SDK's 10 s timeout
          return route.abort('timedout').catch(() => {});
        }
        return route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${stack.pages.origin}/?id=ride-down`);
      await rateInUi(page, 1);
      const [rating] = await waitFor(
        'the rating after the outage',
        async () => {
          const rows = await storedFor(stack, 'ride-down');
          return rows.length ? rows : undefined;
        },
        60_000,
      );
      expect(rating?.score).toBe(1);
      console.info(
        'scenario 3 attempts (ms after the first):',
        attempts.map((t) => t - attempts[0]!),
      );
      expect(attempts.length).toBeGreaterThanOrEqual(4);
      expect(attempts[1]! - attempts[0]!).toBeGreaterThanOrEqual(2000);
      expect(await storedFor(stack, 'ride-down')).toHaveLength(1);
      await context.close();
    });

    it('4. the tab is closed right after rating: the beacon or the next page view delivers it, once', async () => {
      const context = await stack.browser.newContext();
      // Hold the normal send so the page is gone before it completes.
      await context.route(`${stack.collector.url}/v1/ratings`, async (route) => {
        await new Promise((r) => setTimeout(r, 3000));
        await route.continue().catch(() => {});
      });
      const page = await context.newPage();
      await page.goto(`${stack.pages.origin}/?id=ride-closed`);
      await rateInUi(page, 5);
      await page.close({ runBeforeUnload: false });
      await context.unroute(`${stack.collector.url}/v1/ratings`);
      const next = await context.newPage();
      await next.goto(`${stack.pages.origin}/`);
      await waitFor('the rating from the closed tab', async () => {
        const rows = await storedFor(stack, 'ride-closed');
        return rows.length ? rows : undefined;
      });
      await next.waitForTimeout(4000); // let any held or beacon request land too
      expect(await storedFor(stack, 'ride-closed')).toHaveLength(1);
      await context.close();
    });

    it('5. two tabs rate offline and go online together: none lost, none stored twice, each sent once', async () => {
      const context = await stack.browser.newContext();
      const [a, b] = [await context.newPage(), await context.newPage()];
      await a.goto(`${stack.pages.origin}/?id=ride-tab-a`);
      await b.goto(`${stack.pages.origin}/?id=ride-tab-b`);
      await context.setOffline(true);
      await rateInUi(a, 3);
      await rateInUi(b, 5);
      await context.setOffline(false);
      for (const id of ['ride-tab-a', 'ride-tab-b']) {
        await waitFor(
          id,
          async () => ((await storedFor(stack, id)).length ? true : undefined),
          30_000,
        );
      }
      await a.waitForTimeout(1500);
      for (const id of ['ride-tab-a', 'ride-tab-b'])
        expect(await storedFor(stack, id)).toHaveLength(1);
      // Each rating was acknowledged once, to one tab, as accepted: no tab re-sent the other's.
      const sent = [...(await pageEvents(a, 'sent')), ...(await pageEvents(b, 'sent'))];
      expect(sent.map((s) => s.status)).toEqual(['accepted', 'accepted']);
      await context.close();
    });
  });
}
