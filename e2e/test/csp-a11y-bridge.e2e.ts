import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { artifactPath, describeInChromium } from '../_util/browser';
import { rateInUi, type Stack, startStack, waitFor } from '../_util/scenario';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const storedFor = async (stack: Stack, interactionId: string) =>
  (await stack.collector.stored()).filter((r) => r.interactionId === interactionId);

/** Runs axe-core (WCAG 2.0–2.2 A and AA rules) over the page, the open shadow root included. */
async function axeViolations(page: Page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            o: unknown,
          ) => Promise<{ violations: Array<{ id: string; help: string; nodes: unknown[] }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

describeInChromium('CSP, accessibility and webviews (scenarios 7–9)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  it('7. works under a strict CSP with Subresource Integrity, with no violation', async () => {
    const page = await stack.browser.newPage();
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    const response = await page.goto(`${stack.pages.origin}/csp-sri.html?id=ride-csp`);
    expect(response?.headers()['content-security-policy']).toMatch(
      /script-src 'self'; style-src 'self'/,
    );
    expect(await page.locator('script[integrity]').getAttribute('integrity')).toMatch(/^sha384-/);
    await rateInUi(page, 4);
    await waitFor('the CSP rating', async () =>
      (await storedFor(stack, 'ride-csp')).length ? true : undefined,
    );
    expect(await page.evaluate('window.__cspViolations')).toEqual([]);
    expect(stack.pages.log).not.toContain('/csp-report');
    expect(consoleErrors.filter((e) => /Content Security Policy|integrity/i.test(e))).toEqual([]);
    // The styles really applied (adoptedStyleSheets are allowed by style-src 'self').
    const radius = await page
      .getByRole('dialog')
      .evaluate((el) => getComputedStyle(el).borderTopLeftRadius);
    expect(radius).not.toBe('0px');
    await page.close();
  });

  for (const [name, path, scheme] of [
    ['en-light', '/?id=ride-a11y-1', 'light'],
    ['en-dark', '/?id=ride-a11y-2', 'dark'],
    ['ur-rtl', '/ur.html?id=ride-a11y-3', 'light'],
  ] as const) {
    it(`8. axe-core finds no WCAG 2.2 AA violation in the prompt (${name})`, async () => {
      const context = await stack.browser.newContext({
        colorScheme: scheme,
        viewport: { width: 390, height: 760 },
      });
      const page = await context.newPage();
      await page.goto(`${stack.pages.origin}${path}`);
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await dialog.getByRole('radio').nth(1).check(); // a low score shows the follow-ups too
      await page.waitForTimeout(300); // entrance animation
      if (name === 'ur-rtl') {
        expect(await dialog.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
      }
      await page.screenshot({ path: artifactPath(`prompt-${name}.png`) });
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }

  for (const [bridge, source] of [
    ['ios', 'webview-ios'],
    ['android', 'webview-android'],
    ['rn', 'react-native'],
  ] as const) {
    it(`9. the ${bridge} webview bridge receives lifecycle messages and the result`, async () => {
      const page = await stack.browser.newPage();
      const id = `ride-bridge-${bridge}`;
      await page.goto(`${stack.pages.origin}/webview.html?bridge=${bridge}&id=${id}`);
      await rateInUi(page, 5);
      const messages = await waitFor('bridge messages', async () => {
        const all = (await page.evaluate('window.__bridge')) as Array<{
          type: string;
          version: number;
          payload: Record<string, unknown>;
        }>;
        return all.some((m) => m.type === 'raaye:submitted') ? all : undefined;
      });
      const types = messages.map((m) => m.type);
      expect(types).toEqual(
        expect.arrayContaining(['raaye:shown', 'raaye:submitted', 'raaye:high-score']),
      );
      expect(messages.every((m) => m.version === 1)).toBe(true);
      const submitted = messages.find((m) => m.type === 'raaye:submitted')!;
      expect(submitted.payload).toMatchObject({ interactionId: id, rating: { score: 5, source } });
      const [stored] = await waitFor(id, async () => {
        const rows = await storedFor(stack, id);
        return rows.length ? rows : undefined;
      });
      expect(stored?.source).toBe(source);

      // The native side drives the widget through window.raaye, as evaluateJavascript would.
      // (`void`: the command returns the prompt's result, which arrives only once answered.)
      await page.evaluate(() => {
        void (window as unknown as { raaye: (...a: unknown[]) => unknown }).raaye('ask', {
          interactionId: 'native-asked',
          title: 'Rate your delivery',
        });
      });
      await page.getByRole('dialog', { name: 'Rate your delivery' }).waitFor();
      await page.close();
    });
  }
});
