import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { signRaterToken } from '@raaye/collector/token';
import { createClient, type RaayeClient } from '@raaye/core';
import { type OwedList, RATER_TOKEN_HEADER } from '@raaye/protocol';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { backends } from '../_util/backends';
import { artifactPath, describeInChromium } from '../_util/browser';
import { SECRET_KEY, SIGNING_SECRET, SITE_KEY } from '../_util/collector';
import { rateInUi, type Stack, startStack, waitFor } from '../_util/scenario';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface Links {
  sms: string;
  scores: Array<{ score: number; url: string }>;
  email: string;
}

const TAGS = { low: ['Late pickup', 'Rude'], high: ['Friendly', 'Clean car'] };
const UR_TAGS = { low: ['دیر سے آئے', 'بدتمیز'], high: ['خوش اخلاق', 'صاف گاڑی'] };

for (const backend of backends()) {
  describeInChromium(`one owed rating, every channel (${backend.name})`, () => {
    let stack: Stack;
    let n = 0;
    beforeAll(async () => {
      // Signed: only ratings with a valid rater token are stored, so the widget's answer below
      // proves the SDK carries one (the links are signed by the collector itself).
      stack = await startStack(backend, { raters: 'signed' });
    });
    afterAll(() => stack?.stop());

    /** The site's backend records a debt and asks for its links (secret key). */
    async function owe(extra: Record<string, unknown> = {}) {
      const rater = `rider-${backend.name}-${++n}`;
      const interactionId = `ride-${backend.name}-${n}`;
      const res = await fetch(`${stack.collector.url}/v1/owed`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          raterId: rater,
          interactionId,
          interactionType: 'ride',
          prompt: 'How was your ride with Ali?',
          tags: TAGS,
          links: true,
          ...extra,
        }),
      });
      expect(res.status).toBe(201);
      const body = (await res.json()) as { owed: { id: string }; links: Links };
      return { rater, interactionId, ...body };
    }

    /** The entry's state through the secret API (open, answered, cancelled, expired). */
    const stateOf = async (id: string) => {
      const res = await fetch(`${stack.collector.url}/v1/owed/${id}`, {
        headers: { authorization: `Bearer ${SECRET_KEY}` },
      });
      return ((await res.json()) as { owed: { state: string } }).owed.state;
    };
    const storedFor = async (interactionId: string) =>
      (await stack.collector.stored()).filter((r) => r.interactionId === interactionId);

    /**
     * The rater's widget on a device: the signed-in page, with the rater token the site's
     * backend signed for it. Resolves once the widget has heard from the collector.
     */
    async function openAccount(context: BrowserContext, rater: string, late = false) {
      const page = await context.newPage();
      const owedAnswer = page.waitForResponse((r) => r.url().includes('/v1/owed?'));
      const token = signRaterToken({ secret: SIGNING_SECRET, raterId: rater });
      await page.goto(
        `${stack.pages.origin}/account.html?rater=${rater}&token=${token}${late ? '&late' : ''}`,
      );
      expect((await owedAnswer).status()).toBe(200);
      return page;
    }
    /**
     * The ids the widget showed once it has shown whatever it was going to show: a probe prompt
     * asked last proves the queue ran dry before it (prompts are shown one at a time, in order).
     */
    async function shownAfterProbe(page: Page) {
      // Not awaited in the page: ask() resolves only once the prompt is answered.
      await page.evaluate(() => {
        void (window as unknown as { raaye: (...a: unknown[]) => unknown }).raaye('ask', {
          interactionId: 'probe',
          title: 'Probe',
        });
      });
      await page.getByRole('dialog', { name: 'Probe' }).waitFor();
      // `shown` fires after the first frame and the storage decision, so it can follow the
      // dialog's appearance: wait for the probe's own event, then read what came before it.
      const shown = () => page.evaluate(() => (window as unknown as { __shown: string[] }).__shown);
      await expect.poll(async () => (await shown()).includes('probe')).toBe(true);
      return shown();
    }

    it('an e-mail link clicked in the rendered fragment gives its score, then the form revises it', async () => {
      const debt = await owe();
      const device = await stack.browser.newContext();
      const fragment = await (
        await fetch(debt.links.email, { headers: { authorization: `Bearer ${SECRET_KEY}` } })
      ).text();
      const mail = await device.newPage();
      await mail.setContent(`<!doctype html><html lang="en"><body>${fragment}</body></html>`);
      const confirmed = mail.waitForResponse((r) => r.url().endsWith('.css'));
      await mail.getByRole('link', { name: /4 stars/ }).click();
      await confirmed;
      // Clicked and nothing more: the score is given (the person may close the page now).
      await waitFor('the e-mail rating', async () =>
        (await storedFor(debt.interactionId)).length ? true : undefined,
      );
      expect(await mail.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
      await mail.getByRole('checkbox', { name: 'Friendly' }).check();
      await mail.getByLabel(/Anything else/).fill('Smooth ride');
      await mail.getByRole('button', { name: 'Submit' }).click();
      await mail.getByRole('heading', { name: 'Thank you for your feedback!' }).waitFor();
      const [stored] = await storedFor(debt.interactionId);
      expect(stored).toMatchObject({
        score: 4,
        tags: ['Friendly'],
        comment: 'Smooth ride',
        channel: 'email',
        raterId: debt.rater,
      });
      expect(await stateOf(debt.owed.id)).toBe('answered');
      await device.close();
    });

    it("after an e-mail answer, the same rater's widget on another device never asks", async () => {
      const debt = await owe();
      const mail = await stack.browser.newPage();
      await mail.goto(debt.links.scores[3]!.url);
      await waitFor('the e-mail rating', async () =>
        (await storedFor(debt.interactionId)).length ? true : undefined,
      );
      for (const late of [false, true]) {
        const phone = await stack.browser.newContext();
        const page = await openAccount(phone, debt.rater, late);
        expect(await shownAfterProbe(page)).toEqual(['probe']);
        await phone.close();
      }
      await mail.close();
    });

    it('a device that was asked and closed the tab never asks again once answered by e-mail', async () => {
      const debt = await owe();
      const title = 'How was your ride with Ali?';
      // Asked and closed unanswered: the prompt is pending on the device.
      const device = await stack.browser.newContext();
      const first = await openAccount(device, debt.rater);
      await first.getByRole('dialog', { name: title }).waitFor();
      await first.close({ runBeforeUnload: false });
      const mail = await stack.browser.newPage();
      await mail.goto(debt.links.scores[3]!.url);
      await waitFor('the e-mail rating', async () =>
        (await storedFor(debt.interactionId)).length ? true : undefined,
      );
      // The collector's word comes before the held prompt, which is dropped, never shown.
      const again = await openAccount(device, debt.rater);
      expect(await shownAfterProbe(again)).toEqual(['probe']);
      expect(await storedFor(debt.interactionId)).toHaveLength(1);
      await device.close();
      await mail.close();
    });

    it('the widget answers first; the e-mail and SMS links then say "already rated"', async () => {
      const debt = await owe();
      const phone = await stack.browser.newContext();
      const page = await openAccount(phone, debt.rater, true);
      await page.getByRole('dialog', { name: 'How was your ride with Ali?' }).waitFor();
      await rateInUi(page, 5);
      await waitFor('the widget rating', async () =>
        (await storedFor(debt.interactionId)).length ? true : undefined,
      );
      const laptop = await stack.browser.newContext();
      const mail = await laptop.newPage();
      await mail.goto(debt.links.scores[0]!.url);
      await mail.getByRole('heading', { name: 'You already rated this. Thank you!' }).waitFor();
      await mail.goto(debt.links.sms);
      await mail.getByRole('heading', { name: 'You already rated this. Thank you!' }).waitFor();
      const stored = await storedFor(debt.interactionId);
      expect(stored).toHaveLength(1);
      // Verified by the token GET /v1/owed handed out for this prompt, so it settled the debt.
      expect(stored[0]).toMatchObject({ score: 5, channel: 'widget', verified: true });
      expect(await stateOf(debt.owed.id)).toBe('answered');
      await phone.close();
      await laptop.close();
    });

    /** The built @raaye/core in Node (the npm path), its sends observed. */
    function npmClient(user?: { id: string; token?: string }) {
      const client: RaayeClient = createClient({
        siteKey: SITE_KEY,
        endpoint: stack.collector.url,
        storage: 'memory',
        flushIntervalMs: 3_600_000,
        ...(user ? { user } : {}),
      });
      const outcome = { sent: [] as string[], rejected: [] as string[] };
      client.on('sent', (e) => outcome.sent.push(e.status));
      client.on('rejected', (e) => outcome.rejected.push(e.reason));
      return { client, outcome };
    }
    const sign = (raterId: string) => signRaterToken({ secret: SIGNING_SECRET, raterId });

    it("npm: rate() with the page's token is verified and 'api'; none, or another rater's, is refused", async () => {
      const rater = `npm-${backend.name}-${++n}`;
      const { client, outcome } = npmClient();
      try {
        await client.rate({ interactionId: `${rater}-a`, scale: 'stars5', score: 2 });
        await client.flush();
        client.identify({ id: rater, token: sign('someone-else') });
        await client.rate({ interactionId: `${rater}-b`, scale: 'stars5', score: 2 });
        await client.flush();
        expect(outcome).toMatchObject({
          sent: [],
          rejected: [expect.any(String), expect.any(String)],
        });
        // Signed in after start, with the rater's own token.
        client.identify({ id: rater, token: sign(rater) });
        await client.rate({ interactionId: `${rater}-c`, scale: 'stars5', score: 4 });
        await client.flush();
        expect(outcome.sent).toEqual(['accepted']);
      } finally {
        client.destroy();
      }
      expect(await storedFor(`${rater}-a`)).toEqual([]);
      expect(await storedFor(`${rater}-b`)).toEqual([]);
      expect(await storedFor(`${rater}-c`)).toMatchObject([
        { raterId: rater, verified: true, channel: 'api', score: 4 },
      ]);
    });

    it("npm: an owed entry's own token verifies the rating that answers it", async () => {
      const debt = await owe();
      // The page's token lists what the rater owes (in the header, as the widget sends it) ...
      const listed = await fetch(`${stack.collector.url}/v1/owed?raterId=${debt.rater}`, {
        headers: { authorization: `Bearer ${SITE_KEY}`, [RATER_TOKEN_HEADER]: sign(debt.rater) },
      });
      expect(listed.status).toBe(200);
      const [item] = ((await listed.json()) as OwedList).owed;
      // ... and the answer carries the entry's token (bound to the interaction), not the page's.
      const { client, outcome } = npmClient({ id: debt.rater });
      try {
        const rating = await client.rate({
          interactionId: debt.interactionId,
          scale: 'stars5',
          score: 3,
          token: item!.token,
        });
        expect(rating.token).toBe(item!.token);
        await client.flush();
        expect(outcome).toEqual({ sent: ['accepted'], rejected: [] });
      } finally {
        client.destroy();
      }
      expect(await storedFor(debt.interactionId)).toMatchObject([
        { verified: true, channel: 'api', score: 3 },
      ]);
      expect(await stateOf(debt.owed.id)).toBe('answered');
    });

    it('an SMS link completes on a 390×844 phone in Urdu, right to left, with JavaScript off', async () => {
      const debt = await owe({
        locale: 'ur',
        prompt: 'علی کے ساتھ آپ کی سواری کیسی رہی؟',
        tags: UR_TAGS,
      });
      const sms = `علی کے ساتھ آپ کی سواری کیسی رہی؟ ${debt.links.sms}`;
      expect(sms.length).toBeLessThanOrEqual(160);
      const phone = await stack.browser.newContext({
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        javaScriptEnabled: false,
      });
      const page = await phone.newPage();
      await page.goto(debt.links.sms);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.getByRole('link', { name: /^2 / }).tap();
      await page.getByRole('checkbox', { name: 'دیر سے آئے' }).check();
      await page.getByLabel('کچھ اور؟ (اختیاری)').fill('ڈرائیور بیس منٹ دیر سے آیا');
      await page.screenshot({ path: artifactPath(`sms-ur-${backend.name}.png`), fullPage: true });
      await page.getByRole('button', { name: 'جمع کرائیں' }).tap();
      await page.getByRole('heading', { name: 'آپ کی رائے کا شکریہ!' }).waitFor();
      const [stored] = await storedFor(debt.interactionId);
      expect(stored).toMatchObject({
        score: 2,
        tags: ['دیر سے آئے'],
        comment: 'ڈرائیور بیس منٹ دیر سے آیا',
        channel: 'sms',
        locale: 'ur',
      });
      await phone.close();
    });

    it('a simulated mail scanner (HEAD, prefetch, plain GET, crawl) never settles a debt', async () => {
      const debt = await owe();
      const urls = [debt.links.sms, ...debt.links.scores.map((s) => s.url)];
      for (const url of urls) {
        await fetch(url, { method: 'HEAD' });
        await fetch(url, { headers: { 'sec-purpose': 'prefetch' } });
        await fetch(url, { headers: { purpose: 'prefetch' } });
        const html = await (await fetch(url)).text();
        // A checker that follows every URL in the page, the stylesheet too, as documents.
        for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
          await fetch(new URL(href!, url), { headers: { accept: 'text/html' } });
        }
      }
      // A prefetch from a real browser (the speculation a mail web client may trigger).
      const context = await stack.browser.newContext();
      const page = await context.newPage();
      await page.setContent(`<link rel="prefetch" href="${debt.links.scores[4]!.url}">`);
      await context.close();
      expect(await stateOf(debt.owed.id)).toBe('open');
      expect(await storedFor(debt.interactionId)).toEqual([]);
    });

    for (const [lang, scheme] of [
      ['en', 'light'],
      ['en', 'dark'],
      ['ur', 'light'],
      ['ur', 'dark'],
    ] as const) {
      it(`the landing page has no axe violation (${lang}, ${scheme})`, async () => {
        if (backend.name !== 'pglite') return; // the page does not depend on the store
        const debt = await owe({ locale: lang, tags: lang === 'ur' ? UR_TAGS : TAGS });
        // axe is injected as a script, which the page's own CSP (no script at all) forbids.
        const context = await stack.browser.newContext({ colorScheme: scheme, bypassCSP: true });
        const page = await context.newPage();
        for (const url of [debt.links.sms, debt.links.scores[1]!.url, debt.links.scores[0]!.url]) {
          await page.goto(url);
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(async () => {
            const axe = (
              window as unknown as {
                axe: {
                  run: (
                    c: unknown,
                  ) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
                };
              }
            ).axe;
            const result = await axe.run(document);
            return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
          });
          expect(violations, url).toEqual([]);
        }
        await context.close();
      });
    }
  });
}
