// @vitest-environment node
// The dashboard in real Chromium against the real collector CLI (demo mode, PGlite in a temp dir):
// a rating given through the widget on the demo page shows up in the inbox and the scores, is
// marked replied, and the page's numbers equal /v1/stats. Needs `pnpm build` first.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { mustExist } from '@raaye/test-utils/built';
import { launchChromium } from '@raaye/test-utils/chromium';
import { describeInChromium } from '@raaye/test-utils/describe';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stats } from '../../src/api/types';
import { ar } from '../../src/i18n/ar';
import {
  type DemoCollector,
  postRatings,
  REPO_ROOT,
  startDemoCollector,
} from '../_util/collector-cli';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

describeInChromium('dashboard in Chromium against the collector CLI', () => {
  let collector: DemoCollector;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    for (const file of ['packages/dashboard/dist/index.html', 'packages/widget/dist/raaye.js']) {
      mustExist(join(REPO_ROOT, file));
    }
    [collector, browser] = await Promise.all([startDemoCollector(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  /** A fresh context (own sessionStorage) that records page errors and CSP reports. */
  async function newPage(options: { locale?: string } = {}): Promise<Page> {
    const context: BrowserContext = await browser.newContext({
      locale: options.locale ?? 'en-US',
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    return page;
  }

  it('is served by the CLI at /dashboard/ under the strict CSP', async () => {
    const bare = await fetch(`${collector.url}/dashboard`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/dashboard/');
    const index = await fetch(`${collector.url}/dashboard/`);
    expect(index.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'",
    );
    const html = await index.text();
    // Nothing inline: every script and stylesheet is a file of its own.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=/);
    // Relative asset URLs, so the dashboard also works under the collector's basePath.
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toEqual(['favicon.svg', './assets/dashboard.js', './assets/dashboard.css']);
    for (const asset of assets) {
      const response = await fetch(new URL(asset, `${collector.url}/dashboard/`));
      expect(response.status, asset).toBe(200);
    }
    const missing = await fetch(`${collector.url}/dashboard/..%2f..%2fpackage.json`);
    expect(missing.status).toBe(404);
  });

  async function signIn(page: Page): Promise<void> {
    const response = await page.goto(`${collector.url}/dashboard/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'",
    );
    await page.locator('input[name="key"]').fill('sk_demo');
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-live="live"]').waitFor();
  }

  const stat = async (page: Page, name: string) =>
    (await page.locator(`[data-stat="${name}"]`).textContent()) ?? '';

  async function authorisedStats(query: string): Promise<Stats> {
    const response = await fetch(`${collector.url}/v1/stats${query}`, {
      headers: { authorization: 'Bearer sk_demo' },
    });
    return (await response.json()) as Stats;
  }

  it('signs in, shows a widget rating, exports it, marks it replied', async () => {
    const page = await newPage();
    await page.goto(`${collector.url}/dashboard/`);
    await page.getByLabel('Secret key').fill('sk_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('did not accept');
    await signIn(page);
    expect(page.url()).not.toContain('sk_demo');
    expect(await page.evaluate(() => sessionStorage.getItem('raaye.dashboard.key'))).toBe(
      'sk_demo',
    );
    expect(await stat(page, 'count')).toBe('0');
    await page.getByText('Nothing awaiting a reply.').waitFor();

    // A rider gives one star with a hostile comment through the widget on the demo page.
    const demo = await newPage();
    await demo.goto(`${collector.url}/`);
    await demo.click('#end-ride');
    await demo.getByRole('dialog').waitFor();
    await demo.getByRole('radio', { name: '1 star' }).check({ force: true });
    await demo.getByRole('checkbox', { name: 'Late pickup' }).check({ force: true });
    const comment = '<img src=x onerror="window.pwned=1">Driver was late & rude';
    await demo.getByRole('textbox').fill(comment);
    await demo.getByRole('button', { name: 'Submit' }).click();
    await demo.getByText(/collector accepted/).waitFor({ timeout: 10_000 });

    // Within one poll it is in the inbox, as text, and in the scores.
    const card = page.locator('article.follow-up');
    await card.waitFor({ timeout: 8000 });
    expect(await card.locator('.comment').textContent()).toBe(comment);
    expect(await card.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
    expect(await card.getByRole('heading').textContent()).toMatch(/^1 of 5 stars\s*·\s*ride_/);
    expect(await card.locator('.tags').textContent()).toContain('Late pickup');
    expect(await card.locator('[data-sla]').getAttribute('data-sla')).toBe('due');
    expect(await card.locator('[data-sla]').textContent()).toMatch(/^Due in 2[34] h$/);
    await expect.poll(() => stat(page, 'count')).toBe('1');
    expect(await stat(page, 'csat')).toBe('0%');
    expect(await stat(page, 'awaiting')).toBe('1');

    // Export of the current view, with the collector's CSV columns.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const id = await card.getAttribute('data-id');
    expect(csv.split('\r\n')[0]).toMatch(/^id,interactionId,interactionType,scale,score,/);
    expect(csv).toContain(id!);
    expect(csv).toContain('"<img src=x onerror=""window.pwned=1"">Driver was late & rude"');

    // Mark replied with the keyboard: the card leaves the inbox, the counts follow.
    await card.getByRole('button', { name: 'Mark replied' }).click();
    await page.getByLabel('Replied by').fill('Sana');
    await page.getByLabel(/^Note/).fill('Called the rider, refunded the fare');
    await page.getByLabel('Replied by').press('Enter');
    await page.getByText('Nothing awaiting a reply.').waitFor();
    expect(await stat(page, 'awaiting')).toBe('0');
    expect(await page.getByRole('status').textContent()).toContain('Marked replied by Sana');
    expect(await stat(page, 'count')).toBe('1');

    // The replied view shows who answered, how fast, and the note.
    await page.getByRole('button', { name: 'Replied', exact: true }).click();
    const done = page.locator(`article[data-id="${id}"]`);
    await done.waitFor();
    expect(await done.locator('[data-sla]').getAttribute('data-sla')).toBe('met');
    expect(await done.textContent()).toContain('Replied by: Sana');
    expect(await done.locator('.reply-note').textContent()).toBe(
      'Called the rider, refunded the fare',
    );
    await page.getByRole('button', { name: 'Awaiting reply', exact: true }).click();

    const exported = await fetch(`${collector.url}/v1/ratings?format=ndjson`, {
      headers: { authorization: 'Bearer sk_demo' },
    }).then((r) => r.text());
    expect(JSON.parse(exported.trim())).toMatchObject({
      id,
      repliedBy: 'Sana',
      replyNote: 'Called the rider, refunded the fare',
    });

    // A new low rating arrives while the page stays open: the inbox and the scores move.
    await postRatings(collector.url, [
      { interactionId: 'order_77', interactionType: 'delivery', scale: 'stars5', score: 2 },
    ]);
    await page.locator('article.follow-up').waitFor({ timeout: 8000 });
    expect(await stat(page, 'count')).toBe('2');
    expect(await stat(page, 'awaiting')).toBe('1');

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByLabel('Secret key').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('raaye.dashboard.key'))).toBeNull();
    expect(problems).toEqual([]);
  });

  it('shows exactly the numbers /v1/stats returns, for several filters', async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const before = await authorisedStats('');
    const ridesBefore = await authorisedStats('?interactionType=ride');
    await postRatings(collector.url, [
      ...[10, 9, 9, 8, 3, 6].map((score, i) => ({
        interactionId: `chat_${i}`,
        interactionType: 'support_chat',
        scale: 'nps',
        score,
      })),
      ...[5, 4, 4, 3].map((score, i) => ({
        interactionId: `ride_x${i}`,
        interactionType: 'ride',
        scale: 'stars5',
        score,
      })),
      {
        interactionId: 'ride_old',
        interactionType: 'ride',
        scale: 'stars5',
        score: 1,
        createdAt: hoursAgo(30),
      },
      { interactionId: 'order_9', interactionType: 'delivery', scale: 'thumbs', score: 0 },
    ]);
    const page = await newPage();
    await signIn(page);

    const check = async (expected = '') => {
      // The dashboard's own request for this filter, then the same query asked independently.
      const response = await page.waitForResponse(
        (r) => r.url().includes('/v1/stats') && r.url().includes(expected),
      );
      const query = new URL(response.url()).search;
      const api = await authorisedStats(query);
      // A 304 (unchanged since the last poll) has no body; the page then shows the last one.
      if (response.status() === 200) expect(api).toEqual(await response.json());
      else expect(response.status()).toBe(304);
      const fmt = (n: number | null, suffix = '') => (n === null ? '–' : `${n}${suffix}`);
      const nps = api.nps === null ? '–' : `${api.nps > 0 ? '+' : ''}${api.nps}`;
      await expect
        .poll(async () =>
          Promise.all(['count', 'average', 'csat', 'nps'].map((name) => stat(page, name))),
        )
        .toEqual([String(api.count), fmt(api.average), fmt(api.csat, '%'), nps]);
      for (const [scale, s] of Object.entries(api.byScale)) {
        const counts = await page
          .locator(`figure[data-scale="${scale}"] tbody td`)
          .evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
        const shown = Object.fromEntries(
          counts.map((n, i) => [String(i + (scale === 'thumbs' || scale === 'nps' ? 0 : 1)), n]),
        );
        for (const [score, n] of Object.entries(s.distribution)) expect(shown[score]).toBe(n);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(s.count);
      }
      return { api, query };
    };

    const all = await check();
    // Polls are conditional: with nothing new, the collector answers 304 Not Modified.
    await page.waitForResponse((r) => r.url().includes('/v1/stats') && r.status() === 304, {
      timeout: 12_000,
    });
    expect(all.api.count).toBe(before.count + 12);
    expect(all.query).toMatch(/from=.*&to=/);
    expect(await stat(page, 'promoters')).toBe('Promoters 3 (50%)');
    expect(await stat(page, 'detractors')).toBe('Detractors 2 (33%)');

    await page.getByLabel('Scale').selectOption('nps');
    const nps = await check('scale=nps');
    expect(nps.query).toContain('scale=nps');
    expect(nps.api.nps).toBe(16.67);
    expect(await stat(page, 'nps')).toBe('+16.67');

    await page.getByLabel('Scale').selectOption('');
    await page.getByLabel('Interaction type').fill('ride');
    await page.getByLabel('Interaction type').press('Enter');
    const rides = await check('interactionType=ride');
    expect(rides.query).toContain('interactionType=ride');
    expect(rides.api.count).toBe(ridesBefore.count + 5);

    // The 30-hour-old one-star ride is past the 24-hour SLA.
    const old = page.locator('article.follow-up', { hasText: 'ride_old' });
    expect(await old.locator('[data-sla]').getAttribute('data-sla')).toBe('overdue');
    expect(await old.locator('[data-sla]').textContent()).toBe('Overdue by 6 h');
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/dashboard-ltr.png'),
      fullPage: true,
    });
    expect(problems).toEqual([]);
  });

  it('reads right to left and in dark mode, with no axe violations', async () => {
    const page = await newPage({ locale: 'ar' });
    await signIn(page);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(ar.liveScores);
    await page.locator('figure.trend svg').waitFor();
    // Time runs right to left: the first day's label sits right of the last one's.
    const xs = await page
      .locator('figure.trend svg text.label')
      .evaluateAll((ts) =>
        ts
          .filter((t) => /^\d{4}-/.test(t.textContent ?? ''))
          .map((t) => Number(t.getAttribute('x'))),
      );
    expect(xs.length).toBe(3);
    expect(xs[0]).toBeGreaterThan(xs[2]!);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (o: unknown) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
            };
          }
        ).axe;
        const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, scheme).toEqual([]);
    }

    // Everything is reachable by keyboard: Tab walks the filters into the inbox.
    await page.keyboard.press('Tab');
    const focusable: string[] = [];
    for (let i = 0; i < 30; i++) {
      focusable.push(
        await page.evaluate(
          () =>
            document.activeElement?.textContent?.trim() ||
            document.activeElement?.getAttribute('name') ||
            document.activeElement?.tagName ||
            '',
        ),
      );
      await page.keyboard.press('Tab');
    }
    expect(focusable).toContain(ar.logOut);
    expect(focusable).toContain(ar.exportCsv);
    await page.screenshot({
      path: join(REPO_ROOT, 'test-results/dashboard-rtl-dark.png'),
      fullPage: true,
    });
    expect(problems).toEqual([]);
  });
});
