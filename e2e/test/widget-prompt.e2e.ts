import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, launchChromium } from '../_util/browser';
import { sriOf } from '../_util/pages';
import { SNIPPET, startWidgetServer, TAG, type WidgetServer } from '../_util/widget-server';

const events = (page: Page) =>
  page.evaluate(() => (window as unknown as { __ev: string[][] }).__ev);
const until = async (page: Page, fn: (ev: string[][]) => boolean, what: string) => {
  for (let i = 0; i < 300; i++) {
    if (fn(await events(page))) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}: ${JSON.stringify(await events(page))}`);
};
/**
 * A slow disk, on purpose: another writer holds the SDK's IndexedDB database (`raaye-v1`, store
 * `kv`, as core's idb-store makes it) for `ms`, so the SDK's writes wait behind it. Runs in the page.
 */
const holdDatabase = (ms: number) =>
  new Promise<void>((resolve) => {
    const open = indexedDB.open('raaye-v1');
    open.onupgradeneeded = () => open.result.createObjectStore('kv');
    open.onsuccess = () => {
      const store = open.result.transaction('kv', 'readwrite').objectStore('kv');
      const until = Date.now() + ms;
      const spin = () => {
        if (Date.now() < until) store.put(0, 'test:busy').onsuccess = spin;
      };
      spin();
      resolve();
    };
  });
/**
 * The interactions stored as pending (core's `p:` keys). Runs in the page; poll it with
 * `page.evaluate`, never `page.waitForFunction`: that takes the promise itself as its truthy answer
 * and returns the first reading, whatever it is.
 */
const storedPending = () =>
  new Promise<string[]>((resolve) => {
    const open = indexedDB.open('raaye-v1');
    open.onsuccess = () => {
      const keys = open.result.transaction('kv').objectStore('kv').getAllKeys();
      keys.onsuccess = () => {
        open.result.close();
        resolve(keys.result.map(String).filter((k) => k.startsWith('p:')));
      };
    };
  });
const BODY =
  '<body><main><h1>Your ride</h1><button id="page-button">Page button</button></main></body></html>';

describeInChromium('the prompt in a real browser (issue 15)', () => {
  let browser: Browser;
  let server: WidgetServer;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startWidgetServer()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts from an async tag in <head> while the body streams 800 ms later', async () => {
    server.pages.set('/stream', {
      head: ` lang="en"><head><meta charset="utf-8">${SNIPPET}<script>raaye('ask',{interactionId:'stream-1',required:true,title:'How was your ride?'})</script>${TAG()}</head>`,
      body: BODY,
      delayMs: 800,
    });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin}/stream`);
    await page.getByRole('dialog', { name: 'How was your ride?' }).waitFor();
    await until(page, (ev) => ev.some(([e]) => e === 'shown'), 'shown');
    expect(await page.locator('main[inert]').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  // Page rules that hid the old `<div data-raaye>` host or sit on top of it. Each must end with a
  // visible, operable prompt, or with no prompt, an `error` event and nothing inert.
  const HOSTILE = [
    'div { display: none !important }',
    '* { visibility: hidden !important }',
    '* { opacity: 0 !important }',
    'body > * { display: none !important }',
    '[data-raaye] { display: none !important }',
    'raaye-prompt { display: none !important; opacity: 0 !important }',
    '* { pointer-events: none !important }',
    '* { position: static !important; transform: scale(0) !important }',
    'body { opacity: 0 !important }',
    'html { visibility: hidden !important }',
    'body { transform: scale(0) }',
    'body { display: none !important }',
    'body::after { content: ""; position: fixed; inset: 0; z-index: 2147483647; background: #fff }',
    '* { font-size: 0 !important; line-height: 0 !important }',
    '* { all: unset !important }',
    'body > *:last-child { clip-path: inset(50%) !important }',
  ];

  it('never leaves a page inert without a visible, operable prompt (hostile stylesheets)', async () => {
    const context = await browser.newContext();
    const outcomes: string[] = [];
    for (const [i, css] of HOSTILE.entries()) {
      server.pages.set(`/hostile-${i}`, {
        head: ` lang="en"><head><meta charset="utf-8"><style>${css}</style>${SNIPPET}</head>`,
        body: `<body><main><h1>Page</h1><button id="page-button">Page button</button></main>${TAG()}<script>raaye('ask',{interactionId:'hostile-${i}',required:true,title:'Rate it'})</script></body></html>`,
      });
      const page = await context.newPage();
      await page.goto(`${server.origin}/hostile-${i}`);
      await until(
        page,
        (ev) => ev.some(([e]) => e === 'shown' || e === 'error'),
        `${css}: shown or error`,
      );
      const ev = await events(page);
      if (ev.some(([e]) => e === 'shown')) {
        // Operable by a real pointer: Playwright clicks only what is visible and hit-testable.
        await page.getByRole('radio', { name: '4 stars' }).click({ timeout: 5000 });
        await page.getByRole('button', { name: 'Submit' }).click({ timeout: 5000 });
        await until(page, (e) => e.some(([n]) => n === 'submitted'), `${css}: submitted`);
        // The thank-you is up (the page comes back when it closes: covered by the unit tests).
        expect(await page.getByRole('status').filter({ hasText: 'Thank' }).isVisible(), css).toBe(
          true,
        );
        outcomes.push(`shown: ${css}`);
      } else {
        expect(ev, css).toContainEqual(['error', 'hidden']);
        expect(await page.locator('[inert]').count(), css).toBe(0);
        outcomes.push(`failed open: ${css}`);
      }
      await page.close();
    }
    console.log(outcomes.join('\n'));
    // Most hostile rules cannot touch the new host at all.
    expect(outcomes.filter((o) => o.startsWith('shown')).length).toBeGreaterThanOrEqual(10);
    await context.close();
  });

  // ci3 (18:44 UTC) once saw 'Required A' never come back. Cause: the tab was closed as soon as
  // the optional prompt was visible, but that prompt is drawn before storage answers, and on a
  // cold page a required ask is durable only after five IndexedDB transactions (probe, age clock,
  // write); on a loaded machine those had not committed yet, and a transaction that has not
  // committed when a tab closes is lost. The promise is "pending once stored", so the test now
  // waits for that, with the disk made slow on purpose (another writer holds the database while
  // the prompts are asked), which turned the rare failure into a certain one before.
  // That wait did not wait, which was the cause of both failures seen (ci3: 'Required A' never
  // came back; ci5: 'Required B' never appeared after A was answered): `waitForFunction` took the
  // promise storedPending returned as a truthy answer and resolved with the first reading, often
  // `false` while the writes queued behind the busy disk; the tab then closed with none or only
  // the first of them committed. Looped without retries at load 23-33: 10 failures in 130 runs,
  // each one after a `false` reading (no `p:` key on the next page); polled with `evaluate`, 0/30.
  it('keeps every required ask, in order, across a tab close and a reload', async () => {
    server.pages.set('/durable', {
      head: ` lang="en"><head><meta charset="utf-8">${SNIPPET}</head>`,
      body: `${BODY.replace('</body></html>', '')}${TAG()}</body></html>`,
    });
    const context = await browser.newContext();
    let page = await context.newPage();
    await page.goto(`${server.origin}/durable`);
    await page.evaluate(holdDatabase, 1500);
    await page.evaluate(() => {
      const r = (window as unknown as { raaye: (...a: unknown[]) => void }).raaye;
      r('ask', { interactionId: 'opt-1', title: 'Optional first' });
      r('ask', { interactionId: 'req-a', required: true, title: 'Required A' });
      r('ask', { interactionId: 'opt-2', title: 'Optional second' });
      r('ask', { interactionId: 'req-b', required: true, title: 'Required B' });
      r('ask', { interactionId: 'req-c', required: true, title: 'Required C' });
    });
    // Drawn at once, while the disk is still busy (the required asks are not stored yet).
    await page.getByRole('dialog', { name: 'Optional first' }).waitFor();
    // The tab closes while the optional prompt is open and three required ones, stored as
    // pending, wait behind it.
    await expect
      .poll(() => page.evaluate(storedPending), { timeout: 30_000, interval: 100 })
      .toEqual(['p:req-a', 'p:req-b', 'p:req-c']);
    await page.close({ runBeforeUnload: false });

    page = await context.newPage();
    await page.goto(`${server.origin}/durable`);
    await page.getByRole('dialog', { name: 'Required A' }).waitFor();
    // A reload before answering: still owed, same order.
    await page.reload();
    const seen: string[] = [];
    for (const name of ['Required A', 'Required B', 'Required C']) {
      const dialog = page.getByRole('dialog', { name });
      await dialog.waitFor().catch(async (e: Error) => {
        const shown = await page
          .getByRole('dialog')
          .evaluateAll((all) =>
            all.map((d) => d.getAttribute('aria-label') ?? d.textContent?.slice(0, 60)),
          );
        throw new Error(
          `${name} did not appear: dialogs ${JSON.stringify(shown)}, events ${JSON.stringify(await events(page))}; ${e.message}`,
        );
      });
      seen.push(name);
      await dialog.getByRole('radio', { name: '5 stars' }).click();
      await dialog.getByRole('button', { name: 'Submit' }).click();
    }
    expect(seen).toEqual(['Required A', 'Required B', 'Required C']);
    await until(page, (ev) => ev.filter(([e]) => e === 'submitted').length === 3, '3 submitted');
    // Answered: nothing is owed on the next visit.
    await page.reload();
    await page.waitForTimeout(500);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await context.close();
  });

  it('re-renders in Urdu when its pack arrives late, fetches a missing one, warns when it cannot', async () => {
    const ask = `<script>raaye('ask',{interactionId:'ur-'+location.pathname,title:'آپ کی سواری کیسی رہی؟'})</script>`;
    // 1. The documented async pack tag, arriving a second after the prompt is up.
    server.slow.set('raaye.ur.js', 1000);
    server.pages.set('/ur-late', {
      head: ` lang="ur"><head><meta charset="utf-8">${SNIPPET}${ask}<script async src="/sdk/raaye.ur.js"></script>${TAG()}</head>`,
      body: BODY,
    });
    // 2. No pack tag at all: fetched from beside raaye.js.
    server.pages.set('/ur-missing', {
      head: ` lang="ur"><head><meta charset="utf-8">${SNIPPET}${ask}${TAG()}</head>`,
      body: BODY,
    });
    // 3. raaye.js pinned with integrity: nothing unpinned is loaded; a warning names the file.
    server.pages.set('/ur-pinned', {
      head: ` lang="ur"><head><meta charset="utf-8">${SNIPPET}${ask}${TAG(`integrity="${sriOf('raaye.js')}" crossorigin="anonymous"`)}</head>`,
      body: BODY,
    });
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    for (const path of ['/ur-late', '/ur-missing']) {
      await page.goto(`${server.origin}${path}`);
      await page
        .getByRole('button', { name: 'جمع کرائیں' })
        .or(page.getByRole('dialog'))
        .first()
        .waitFor();
      const submit = page.getByRole('radio', { name: '1 ستارہ' });
      await submit.waitFor({ timeout: 10_000 });
      expect(await page.getByRole('dialog').getAttribute('class')).toContain('box');
      expect(
        await page
          .locator('raaye-prompt')
          .evaluate((h) => h.shadowRoot!.querySelector('[dir]')!.getAttribute('dir')),
      ).toBe('rtl');
    }
    server.slow.clear();
    expect(warnings).toEqual([]);
    await page.goto(`${server.origin}/ur-pinned`);
    await page.getByRole('dialog').waitFor();
    await expect.poll(() => warnings.join('\n')).toMatch(/raaye\.ur\.js/);
    // Still English, never a half-translation.
    expect(await page.getByRole('button', { name: 'Submit' }).count()).toBe(0);
    await page.close();
  });
});
