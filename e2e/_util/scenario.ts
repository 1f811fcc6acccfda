import type { Browser, Page } from 'playwright-core';
import { type Backend, backends } from './backends';
import { launchChromium } from './browser';
import { type RunningCollector, SITE_KEY, startCollector } from './collector';
import { type PageServer, startPageServer } from './pages';

export interface Stack {
  browser: Browser;
  collector: RunningCollector;
  pages: PageServer;
  stop(): Promise<void>;
}

/** The whole system as users meet it: a site's pages, the real collector CLI, real Chromium. */
export async function startStack(
  backend: Backend = backends()[0]!,
  site: { raters?: 'signed' | 'open' } = {},
): Promise<Stack> {
  const vars: Record<string, string> = { SITE_KEY };
  const pages = await startPageServer(vars);
  const database = await backend.create();
  const collector = await startCollector({
    origins: [pages.origin],
    databaseUrl: database.databaseUrl,
    ...site,
  });
  vars.ENDPOINT = collector.url;
  const browser = await launchChromium();
  // Every wait fails within 15 s with a readable error, instead of hanging until the test timeout.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await newContext(...args);
    context.setDefaultTimeout(15_000);
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (...args) => {
    const page = await newPage(...args);
    page.setDefaultTimeout(15_000);
    return page;
  };
  return {
    browser,
    collector,
    pages,
    async stop() {
      await browser.close();
      await collector.stop();
      await database.drop();
      await pages.close();
    },
  };
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A short description of the focused element, looking through shadow roots. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return '';
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
    return `${el.tagName.toLowerCase()}[${(el as HTMLInputElement).type ?? ''}] ${el.getAttribute('aria-label') ?? ''} ${label} ${el.textContent ?? ''}`.trim();
  });
}

/** Presses Tab until the focused element matches, as a keyboard-only user would. */
export async function tabUntil(page: Page, pattern: RegExp, max = 25): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (pattern.test(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`focus never reached ${pattern} (last: ${await focused(page)})`);
}

/** Rates the open prompt with the mouse: `score` stars, then submit; waits for the thank-you. */
export async function rateInUi(page: Page, score: number): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog
    .getByRole('radio')
    .nth(score - 1)
    .check();
  await dialog.getByRole('button', { name: /submit|send/i }).click();
  const status = page.getByRole('status').filter({ hasText: /\S/ });
  await status.waitFor();
  return (await status.textContent()) ?? '';
}

/** Events the page's `raaye('on', …)` listeners recorded (see pages/ride.js). */
export function pageEvents(page: Page, name: string): Promise<Array<Record<string, unknown>>> {
  return page.evaluate(
    (n) =>
      (
        window as unknown as { __events: Array<{ name: string; payload: Record<string, unknown> }> }
      ).__events
        .filter((e) => e.name === n)
        .map((e) => e.payload),
    name,
  );
}
