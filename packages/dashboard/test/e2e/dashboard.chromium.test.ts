// @vitest-environment node
// The dashboard in real Chromium against the real collector CLI, on PGlite and (with
// RAAYE_TEST_DATABASE_URL) PostgreSQL: the first owners are made with `raaye-collector members
// add`; the owner adds an agent and a viewer; a one-star rating is auto-assigned to the agent,
// who is alerted by e-mail (a real SMTP server) and the site's webhook (a real HTTP receiver that
// verifies the Standard Webhooks signature), replies (an Urdu, right-to-left e-mail to the
// customer) and resolves it; the activity log names who did what; the viewer cannot change
// anything; a session of one site cannot act on another, nor can another web site use the
// cookie. On PGlite only (the page is the same on both stores): the page's numbers equal
// /v1/stats; axe finds nothing in English and Urdu, light and dark. Needs `pnpm build` first.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launchChromium } from '@raaye/test-utils/chromium';
import type { RunningCli } from '@raaye/test-utils/collector-cli';
import { STORE_KINDS, secretKey, startDashboardCli } from '@raaye/test-utils/dashboard-cli';
import { describeInChromium } from '@raaye/test-utils/describe';
import { startSmtp } from '@raaye/test-utils/smtp';
import { startWebhookReceiver } from '@raaye/test-utils/webhook-receiver';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Stats } from '../../src/api/types';
import { ur } from '../../src/i18n/ur';
import { postRatings, REPO_ROOT } from '../_util/post-ratings';
import { signIn as signInWith } from '../_util/sign-in';

const OWNER_PASSWORD = 'owner password 1';
const AGENT_PASSWORD = 'agent password 1';
const OTHER_PASSWORD = 'other owner password';
const WEBHOOK_SECRET = `whsec_${Buffer.from('the e2e webhook signing key, 32+').toString('base64')}`;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** Waits for `found()` to return something, polling; fails naming `what` after `ms`. */
async function until<T>(found: () => T | undefined, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = found();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const store of STORE_KINDS) {
  describeInChromium(`dashboard in Chromium against the collector CLI (${store})`, () => {
    let collector: RunningCli;
    let browser: Browser;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;
    const shopSecret = secretKey();
    const otherSecret = secretKey();
    const problems: string[] = [];
    // The store does not change what the page shows: the page-only checks run once, on PGlite.
    const pageOnly = it.runIf(store === 'pglite');

    beforeAll(async () => {
      [smtp, webhook] = await Promise.all([startSmtp(), startWebhookReceiver(WEBHOOK_SECRET)]);
      [collector, browser] = await Promise.all([
        startDashboardCli({
          store,
          mail: { smtp: smtp.url, from: 'Raaye <alerts@shop.example>' },
          sites: [
            {
              id: 'demo',
              siteKey: 'pk_demo',
              secretKey: shopSecret,
              members: [
                {
                  email: 'owner@shop.example',
                  role: 'owner',
                  password: OWNER_PASSWORD,
                  name: 'Sana',
                },
              ],
              destinations: [
                {
                  id: 'alerts',
                  kind: 'webhook',
                  url: `${webhook.url}/raaye`,
                  secret: WEBHOOK_SECRET,
                  events: ['followup.assigned'],
                },
              ],
            },
            {
              id: 'other',
              siteKey: 'pk_other',
              secretKey: otherSecret,
              members: [
                {
                  email: 'omar@other.example',
                  role: 'owner',
                  password: OTHER_PASSWORD,
                  name: 'Omar',
                },
              ],
            },
          ],
        }),
        launchChromium(),
      ]);
      // Three store opens (members add twice, then the server) and Chromium: slow on a busy machine.
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await collector?.stop();
      await Promise.all([smtp?.close(), webhook?.close()]);
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

    pageOnly('is served by the CLI at /dashboard/ under the strict CSP', async () => {
      const bare = await fetch(`${collector.url}/dashboard`, { redirect: 'manual' });
      expect(bare.status).toBe(308);
      expect(bare.headers.get('location')).toBe('/dashboard/');
      const index = await fetch(`${collector.url}/dashboard/`);
      expect(index.headers.get('content-security-policy')).toEqual(
        expect.stringMatching(/^default-src 'none'; script-src 'self'; style-src 'self'; /),
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

    async function signIn(
      page: Page,
      email = 'owner@shop.example',
      password = OWNER_PASSWORD,
    ): Promise<void> {
      const response = await signInWith(page, collector.url, email, password);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-security-policy']).toEqual(
        expect.stringMatching(/^default-src 'none'; script-src 'self'; style-src 'self'; /),
      );
      await page.locator('[data-live="live"]').waitFor();
    }

    const stat = async (page: Page, name: string) =>
      (await page.locator(`[data-stat="${name}"]`).textContent()) ?? '';

    async function authorisedStats(query: string): Promise<Stats> {
      const response = await fetch(`${collector.url}/v1/stats${query}`, {
        headers: { authorization: `Bearer ${shopSecret}` },
      });
      return (await response.json()) as Stats;
    }

    it('owner adds an agent; a one-star rating is auto-assigned, answered in Urdu, resolved, logged', async () => {
      const owner = await newPage();
      await owner.goto(`${collector.url}/dashboard/`);
      await owner.getByLabel('E-mail').fill('owner@shop.example');
      await owner.getByLabel('Password').fill('not the password');
      await owner.getByRole('button', { name: 'Sign in' }).click();
      await expect(owner.getByRole('alert').textContent()).resolves.toBe(
        'Wrong e-mail or password.',
      );
      await signIn(owner);
      // The session lives in an HttpOnly cookie: nothing for scripts, nothing in storage.
      expect(await owner.evaluate(() => document.cookie)).toBe('');
      expect(await owner.evaluate(() => sessionStorage.length + localStorage.length)).toBe(0);
      const [cookie] = await owner.context().cookies();
      expect(cookie).toMatchObject({ name: 'raaye_session', httpOnly: true, sameSite: 'Strict' });

      const addMember = async (email: string, name: string, role: string, password: string) => {
        const form = owner.locator('form.add-member');
        await form.getByLabel('E-mail').fill(email);
        await form.getByLabel('Name').fill(name);
        await form.getByLabel('Role').selectOption(role);
        await form.getByLabel(/^First password/).fill(password);
        await form.getByRole('button', { name: 'Add member' }).click();
        await owner.getByRole('row', { name: new RegExp(name) }).waitFor();
      };
      await addMember('ali@shop.example', 'Ali', 'agent', AGENT_PASSWORD);
      await addMember('vic@shop.example', 'Vic', 'viewer', 'viewer password 1');

      // A rider gives one star with a hostile comment and an e-mail address, in Urdu.
      const comment = '<img src=x onerror="window.pwned=1">ڈرائیور دیر سے آیا';
      const [id] = await postRatings(collector.url, [
        {
          interactionId: 'ride_901',
          interactionType: 'ride',
          scale: 'stars5',
          score: 1,
          comment,
          raterId: 'rider-7',
          locale: 'ur-PK',
          user: { id: 'rider-7', traits: { email: 'rider7@example.com' } },
        },
      ]);

      const agent = await newPage({ locale: 'en-US' });
      await signIn(agent, 'ali@shop.example', AGENT_PASSWORD);
      await agent.getByLabel('Assigned to').selectOption('mine');
      const card = agent.locator(`article[data-follow-up="${id}"]`);
      await card.waitFor({ timeout: 10_000 });
      expect(await card.locator('.comment').textContent()).toBe(comment);
      expect(await card.locator('img').count()).toBe(0);
      expect(await agent.evaluate(() => 'pwned' in window)).toBe(false);
      expect(await card.locator('[data-assignee]').textContent()).toBe('Ali');
      expect(await card.locator('.sla').textContent()).toMatch(/^2[34] h left$/);

      // The agent is alerted: by the site's webhook (signature verified by `standardwebhooks`)…
      const hook = await until(
        () => webhook.received.find((w) => w.payload.data.followUp === id),
        'the followup.assigned webhook',
      );
      expect(hook.payload).toMatchObject({
        type: 'followup.assigned',
        data: { site: 'demo', assignee: { email: 'ali@shop.example', name: 'Ali' } },
      });
      expect(webhook.rejected).toEqual([]);
      // …and by e-mail, through the built-in `people` destination and a real SMTP server.
      const alert = await until(
        () => smtp.mails.find((m) => m.to.includes('ali@shop.example')),
        "the agent's alert e-mail",
      );
      expect(alert.decoded).toMatch(/followup\.assigned|assigned/i);

      await card.getByRole('button', { name: /^Open/ }).click();
      await card.getByText('Goes by e-mail to rider7@example.com').waitFor();
      await card.getByLabel('Internal note').fill('Driver confirmed the delay');
      await card.getByRole('button', { name: 'Add note' }).click();
      await card.getByLabel('Reply to the customer').fill('معذرت، ہم نے کرایہ واپس کر دیا ہے۔');
      await card.getByRole('button', { name: 'Send reply' }).click();
      // Answered, it leaves the waiting list and shows under "Replied"; resolved, under "done".
      await card.waitFor({ state: 'detached' });
      await agent.getByLabel('Show').selectOption('replied');
      await card.locator('[data-status]', { hasText: 'Replied' }).waitFor();
      await card.getByRole('button', { name: /^Open/ }).click();
      await card.getByRole('button', { name: 'Resolve' }).click();
      await card.waitFor({ state: 'detached' });
      await agent.getByLabel('Show').selectOption('done');
      await card.getByRole('button', { name: /^Open/ }).click();
      await card.locator('[data-activity] li', { hasText: 'resolved it' }).waitFor();
      const log = await card.locator('[data-activity] li').allTextContents();
      expect(log.map((line) => line.replace(/ · .*$/, ''))).toEqual([
        'Raaye opened the follow-up',
        'Raaye assigned it to Ali',
        expect.stringMatching(/^Ali added a note ?Driver confirmed the delay$/),
        expect.stringMatching(/^Ali replied ?معذرت، ہم نے کرایہ واپس کر دیا ہے۔$/),
        'Ali resolved it',
      ]);

      // The reply's e-mail: in Urdu, right to left (delivered by the outbox to the customer).
      const detail = await agent.evaluate(
        async (fid) => (await fetch(`/v1/inbox/${fid}`)).json(),
        id,
      );
      const replied = (
        detail as { activity: Array<{ action: string; detail: Record<string, unknown> }> }
      ).activity.find((a) => a.action === 'followup.replied')!;
      expect(replied.detail).toMatchObject({ channel: 'email', to: 'rider7@example.com' });
      const customerMail = await until(
        () => smtp.mails.find((m) => m.to.includes('rider7@example.com')),
        "the customer's e-mail",
      );
      expect(customerMail.decoded).toContain('معذرت، ہم نے کرایہ واپس کر دیا ہے۔');
      expect(customerMail.decoded).toMatch(
        /<html[^>]*\blang="ur"[^>]*\bdir="rtl"|<html[^>]*\bdir="rtl"[^>]*\blang="ur"/,
      );

      // A viewer reads, but every change is refused (403), even with the right CSRF token.
      const viewer = await newPage();
      await signIn(viewer, 'vic@shop.example', 'viewer password 1');
      expect(await viewer.locator(`article[data-follow-up] input[type="checkbox"]`).count()).toBe(
        0,
      );
      const refused = await viewer.evaluate(async (fid) => {
        const session = (await (await fetch('/v1/session')).json()) as { csrf: string };
        const response = await fetch(`/v1/inbox/${fid}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-raaye-csrf': session.csrf },
          body: JSON.stringify({ action: 'reopen' }),
        });
        return response.status;
      }, id);
      expect(refused).toBe(403);
      // Without the CSRF token even the owner's cookie changes nothing.
      const noToken = await owner.evaluate(async (fid) => {
        const response = await fetch(`/v1/inbox/${fid}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: 'reopen' }),
        });
        return response.status;
      }, id);
      expect(noToken).toBe(403);

      // A session of another site, with its own valid CSRF token, reaches nothing of this one.
      const omar = await newPage();
      await signIn(omar, 'omar@other.example', OTHER_PASSWORD);
      const aliId = hook.payload.data.assignee as { memberId: string };
      const foreign = await omar.evaluate(
        async ({ fid, member }) => {
          const session = (await (await fetch('/v1/session')).json()) as { csrf: string };
          const send = (path: string, method: string, body?: unknown) =>
            fetch(path, {
              method,
              headers: { 'content-type': 'application/json', 'x-raaye-csrf': session.csrf },
              ...(body ? { body: JSON.stringify(body) } : {}),
            }).then((r) => r.status);
          const members = (await (await fetch('/v1/members')).json()) as {
            members: Array<{ email: string }>;
          };
          return {
            read: (await fetch(`/v1/inbox/${fid}`)).status,
            reopen: await send(`/v1/inbox/${fid}`, 'POST', { action: 'reopen' }),
            promote: await send(`/v1/members/${member}`, 'PATCH', { role: 'owner' }),
            remove: await send(`/v1/members/${member}`, 'DELETE'),
            members: members.members.map((m) => m.email),
          };
        },
        { fid: id, member: aliId.memberId },
      );
      expect(foreign).toEqual({
        read: 404,
        reopen: 404,
        promote: 404,
        remove: 404,
        members: ['omar@other.example'],
      });
      // Another web site, in the owner's own browser, cannot use the owner's cookie: SameSite=Strict
      // keeps it off the request (and the CSRF token and Sec-Fetch-Site would refuse it anyway).
      const elsewhere = await owner.context().newPage();
      const otherOrigin = collector.url.replace('127.0.0.1', 'localhost');
      await elsewhere.goto(`${otherOrigin}/healthz`);
      await elsewhere.evaluate(
        async ({ target, fid }) => {
          await fetch(`${target}/v1/inbox/${fid}`, {
            method: 'POST',
            mode: 'no-cors',
            credentials: 'include',
            headers: { 'content-type': 'text/plain' },
            body: JSON.stringify({ action: 'reopen' }),
          });
        },
        { target: collector.url, fid: id },
      );
      const after = await fetch(`${collector.url}/v1/inbox/${id}`, {
        headers: { authorization: `Bearer ${shopSecret}` },
      });
      const state = (await after.json()) as { followUp: { status: string }; activity: unknown[] };
      expect(state.followUp.status).toBe('resolved');
      const team = await fetch(`${collector.url}/v1/members`, {
        headers: { authorization: `Bearer ${shopSecret}` },
      });
      const roles = ((await team.json()) as { members: Array<{ email: string; role: string }> })
        .members;
      expect(roles.find((m) => m.email === 'ali@shop.example')?.role).toBe('agent');

      await agent.getByRole('button', { name: 'Sign out everywhere' }).click();
      await agent.getByLabel('E-mail').waitFor();
      expect(problems).toEqual([]);
    });

    /** axe's WCAG 2.2 AA violations on the page as it is, for the current colour scheme. */
    async function axeViolations(page: Page): Promise<string[]> {
      await page.evaluate(axeSource);
      return page.evaluate(async () => {
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
    }

    pageOnly('owner makes and revokes API tokens and sets the inbox up, by keyboard', async () => {
      const page = await newPage();
      await signIn(page);
      const asBearer = (token: string, path: string, init: RequestInit = {}) =>
        fetch(`${collector.url}${path}`, {
          ...init,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        });

      // A read-only token, made with the keyboard alone: type, Tab to the scope, Enter.
      const form = page.locator('form.add-token');
      await form.getByLabel('Name').focus();
      await page.keyboard.type('Nightly export');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
        'read',
      );
      await page.keyboard.press('Enter');
      const shown = page.getByLabel('The token “Nightly export”');
      const secret = await shown.inputValue();
      expect(secret).toMatch(/^rt_/);
      expect(await asBearer(secret, '/v1/stats').then((r) => r.status)).toBe(200);
      const reopen = await asBearer(secret, '/v1/inbox/bulk', {
        method: 'POST',
        body: JSON.stringify({ ids: [], action: 'reopen' }),
      });
      expect(reopen.status).toBe(403);
      const row = page.locator('section.tokens tr', { hasText: 'Nightly export' });
      await row.getByRole('cell', { name: 'Read-only' }).waitFor();
      // The secret is in that one answer only: the list never carries it.
      expect(await page.locator('section.tokens table').textContent()).not.toContain(secret);
      await row.getByRole('button', { name: 'Revoke Nightly export' }).focus();
      await page.keyboard.press('Enter');
      await row.waitFor({ state: 'detached' });
      expect(await asBearer(secret, '/v1/stats').then((r) => r.status)).toBe(401);

      // Settings: an 8-hour target counted in Karachi's business hours, rides to Ali.
      const settings = page.locator('section.settings');
      await settings.getByLabel('Hours to the first reply').fill('8');
      await settings.getByLabel('Count only business hours').check();
      await settings.getByLabel('Time zone').fill('Asia/Karachi');
      await settings.getByLabel('Friday: Closes').fill('13:00');
      await settings.getByLabel('Assign by type of interaction').fill('ride: ali@shop.example');
      await settings.getByRole('button', { name: 'Save settings' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Settings saved.' }).waitFor({
        state: 'attached',
      });
      const saved = await asBearer(shopSecret, '/v1/inbox/settings').then((r) => r.json());
      expect(saved).toMatchObject({
        settings: {
          replyTargetHours: 8,
          businessHours: {
            timeZone: 'Asia/Karachi',
            days: { mon: '09:00-17:00', fri: '09:00-13:00' },
          },
          assignment: { mode: 'round-robin', byType: { ride: ['ali@shop.example'] } },
        },
      });
      // A time zone the collector does not know: its reason, shown; nothing saved.
      await settings.getByLabel('Time zone').fill('Mars/Olympus');
      await settings.getByRole('button', { name: 'Save settings' }).click();
      expect(await settings.getByRole('alert').textContent()).toContain('IANA time zone');

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await axeViolations(page), scheme).toEqual([]);
      }
      // Leave the site as the other tests found it.
      await asBearer(shopSecret, '/v1/inbox/settings', {
        method: 'PUT',
        body: JSON.stringify({
          replyTargetHours: 24,
          businessHours: null,
          assignment: { byType: {} },
        }),
      });
      expect(problems).toEqual([]);
    });

    pageOnly('shows exactly the numbers /v1/stats returns, for several filters', async () => {
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

      await page.screenshot({
        path: join(REPO_ROOT, 'test-results/dashboard-ltr.png'),
        fullPage: true,
      });
      expect(problems).toEqual([]);
    });

    pageOnly(
      'reads right to left in Urdu, light and dark, with no axe violations, by keyboard',
      async () => {
        const page = await newPage({ locale: 'ur' });
        await signIn(page);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        expect(await page.getByRole('heading', { level: 2 }).first().textContent()).toBe(
          ur.liveScores,
        );
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
          expect(await axeViolations(page), scheme).toEqual([]);
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
        expect(focusable).toContain(ur.logOut);
        expect(focusable).toContain(ur.team.signOutEverywhere);

        // The owner's panels in every state: business hours open, a token listed, its secret shown.
        await page.getByLabel(ur.team.settings.businessHours).check();
        await page.locator('form.add-token').getByLabel(ur.team.tokens.name).fill('ٹیسٹ');
        await page.getByRole('button', { name: ur.team.tokens.create }).click();
        await page.locator('.new-token input').waitFor();
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          expect(await axeViolations(page), `${scheme}, owner's panels`).toEqual([]);
        }
        await page.screenshot({
          path: join(REPO_ROOT, 'test-results/dashboard-rtl-dark.png'),
          fullPage: true,
        });
        expect(problems).toEqual([]);
      },
    );
  });
}
