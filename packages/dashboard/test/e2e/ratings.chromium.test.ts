// @vitest-environment node
// The "All ratings" view in real Chromium against the real collector CLI (PGlite; the API itself
// is tested on both stores in the collector's ratings-search.test.ts):
// newest first, a page of 50 then "Load more" by keyboard, comment search in Urdu, filters that
// match what GET /v1/ratings/search answers, one customer's ratings across channels; axe finds
// nothing in English and Urdu, light and dark. Needs `pnpm build` first.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { RatingsPage } from '@raaye/protocol';
import { launchChromium } from '@raaye/test-utils/chromium';
import type { RunningCli } from '@raaye/test-utils/collector-cli';
import { secretKey, startDashboardCli } from '@raaye/test-utils/dashboard-cli';
import { describeInChromium } from '@raaye/test-utils/describe';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ur } from '../../src/i18n/ur';
import { postRatings, REPO_ROOT } from '../_util/post-ratings';
import { signIn } from '../_util/sign-in';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const URDU = 'ڈرائیور دیر سے آیا۔ گاڑی گندی تھی';
const SITE = {
  id: 'shop',
  siteKey: 'pk_shop',
  secretKey: secretKey(),
  members: [{ email: 'owner@shop.example', role: 'owner', password: 'owner password 1' }],
};

describeInChromium('ratings view in Chromium against the collector CLI', () => {
  let collector: RunningCli;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    [collector, browser] = await Promise.all([
      startDashboardCli({ sites: [SITE] }),
      launchChromium(),
    ]);
    // 60 ratings to page through, one in Urdu, one customer on two channels.
    await postRatings(
      collector.url,
      [
        ...Array.from({ length: 58 }, (_, i) => ({
          interactionId: `order_${i}`,
          interactionType: 'delivery',
          scale: 'stars5',
          score: (i % 5) + 1,
          comment: `zebra parcel ${i}`,
          tags: i % 2 ? ['late'] : ['on-time'],
        })),
        {
          interactionId: 'ride_77',
          interactionType: 'ride',
          scale: 'stars5',
          score: 2,
          comment: `zebra ${URDU}`,
          raterId: 'cust-77',
          locale: 'ur-PK',
        },
        {
          interactionId: 'chat_77',
          interactionType: 'support_chat',
          scale: 'nps',
          score: 9,
          comment: 'zebra helpful agent',
          raterId: 'cust-77',
        },
      ],
      SITE.siteKey,
    );
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
  });

  async function open(locale: string): Promise<{ page: Page; view: Locator }> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    await signIn(page, collector.url, SITE.members[0]!.email, SITE.members[0]!.password);
    await page.locator('[data-live="live"]').waitFor();
    const view = page.locator('section.ratings');
    await view.locator('[data-ratings-summary]').waitFor();
    return { page, view };
  }

  /** The page's own next request to the search API, asked again with the secret key. */
  async function answered(page: Page, act: () => Promise<void>): Promise<RatingsPage> {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/v1/ratings/search')),
      act(),
    ]);
    const direct = await fetch(response.url(), {
      headers: { authorization: `Bearer ${SITE.secretKey}` },
    });
    const body = (await response.json()) as RatingsPage;
    expect(((await direct.json()) as RatingsPage).ratings.map((r) => r.id)).toEqual(
      body.ratings.map((r) => r.id),
    );
    return body;
  }

  const shownIds = (view: Locator) =>
    view.locator('article.rating').evaluateAll((as) => as.map((a) => a.id.replace(/^rating-/, '')));

  it('searches, pages by keyboard and filters on the server, newest first', {
    timeout: 120_000,
  }, async () => {
    const { page, view } = await open('en-US');
    const search = view.getByRole('searchbox', { name: 'Search comments' });

    const first = await answered(page, async () => {
      await search.fill('ZEBRA');
      await search.press('Enter');
    });
    expect(first.ratings).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    await expect.poll(() => shownIds(view)).toEqual(first.ratings.map((r) => r.id));
    // Newest first: the last two posted (same batch, so same time; later arrival first).
    const times = first.ratings.map((r) => r.eventTime);
    expect(times).toEqual([...times].sort().reverse());
    expect(await view.locator('[data-ratings-summary]').textContent()).toBe(
      '50 ratings shown, more to load.',
    );

    // "Load more" by keyboard: focus moves to the first rating it added.
    const more = view.getByRole('button', { name: 'Load more' });
    await more.focus();
    const second = await answered(page, () => page.keyboard.press('Enter'));
    expect(second.ratings).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe(`rating-${second.ratings[0]!.id}`);
    expect(new Set(await shownIds(view)).size).toBe(60);
    await expect(more.count()).resolves.toBe(0);

    // Urdu search: a word with the Urdu full stop glued to it.
    const urdu = await answered(page, async () => {
      await search.fill('آیا');
      await search.press('Enter');
    });
    expect(urdu.ratings.map((r) => r.comment)).toEqual([`zebra ${URDU}`]);
    await expect
      .poll(() => view.locator('article.rating .comment').allTextContents())
      .toEqual([`zebra ${URDU}`]);
    // The comment keeps its own direction inside the English page.
    expect(await view.locator('article.rating .comment').getAttribute('dir')).toBe('auto');

    // Filters: score and tag, answered by the server.
    await search.fill('zebra');
    await view.getByLabel('Score').selectOption('3');
    await view.getByLabel('Tag').fill('late');
    const filtered = await answered(page, () =>
      view.getByRole('button', { name: 'Search', exact: true }).click(),
    );
    expect(filtered.ratings.length).toBeGreaterThan(0);
    expect(filtered.ratings.every((r) => r.score === 3 && r.tags?.includes('late'))).toBe(true);

    // One customer's ratings across channels, from a rating of theirs.
    await view.getByRole('button', { name: 'Clear' }).click();
    await search.fill('helpful');
    await search.press('Enter');
    await expect.poll(() => shownIds(view).then((ids) => ids.length)).toBe(1);
    const customer = await answered(page, () =>
      view.getByRole('button', { name: /^This customer's ratings/ }).click(),
    );
    expect(customer.ratings.map((r) => r.interactionId).sort()).toEqual(['chat_77', 'ride_77']);
    await view.getByText('Ratings of customer cust-77').waitFor();
    expect(problems).toEqual([]);
  });

  it('has no axe violations in English and Urdu, light and dark, and reads right to left', async () => {
    for (const locale of ['en-US', 'ur'] as const) {
      const { page, view } = await open(locale);
      await expect
        .poll(() => view.locator('article.rating').count(), { timeout: 15_000 })
        .toBeGreaterThan(0);
      if (locale === 'ur') {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        expect(await view.getByRole('heading', { level: 2 }).textContent()).toBe(ur.browse.title);
        // Keyboard only: from the view's heading, Tab reaches the search box; Enter searches.
        const box = view.getByRole('searchbox', { name: ur.browse.search });
        await view.getByRole('heading', { level: 2 }).focus();
        for (let i = 0; i < 5; i++) {
          if (await box.evaluate((el) => el === document.activeElement)) break;
          await page.keyboard.press('Tab');
        }
        expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
        await page.keyboard.type('گندی');
        await page.keyboard.press('Enter');
        await expect.poll(() => view.locator('article.rating').count()).toBe(1);
      }
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.evaluate(axeSource);
        const violations = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  context: unknown,
                  o: unknown,
                ) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
              };
            }
          ).axe;
          const result = await axe.run(document, {
            runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'],
          });
          return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
        });
        expect(violations, `${locale} ${scheme}`).toEqual([]);
      }
      await page.screenshot({
        path: join(REPO_ROOT, `test-results/ratings-${locale}.png`),
        fullPage: true,
      });
      await page.context().close();
    }
    expect(problems).toEqual([]);
    // Four axe runs over the whole dashboard: about 40 s on a loaded 2-core machine.
  }, 240_000);
});
