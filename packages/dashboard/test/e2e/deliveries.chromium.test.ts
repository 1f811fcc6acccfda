// @vitest-environment node
// The delivery view in real Chromium against the real collector CLI (PGlite in a temp dir, a
// webhook destination pointing at a receiver in this test): a low rating's delivery fails until
// the destination is disabled; the owner sees it, reads each attempt, re-enables it by keyboard,
// and replays one event and a time range (same event id at the receiver); a viewer sees the log
// but cannot act (and the collector answers 403); axe finds nothing in English and Urdu (right to
// left), light and dark. Needs `pnpm build` first.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { launchChromium } from '@raaye/test-utils/chromium';
import type { RunningCli } from '@raaye/test-utils/collector-cli';
import { startDashboardCli } from '@raaye/test-utils/dashboard-cli';
import { describeInChromium } from '@raaye/test-utils/describe';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { ur } from '../../src/i18n/ur';
import { uuid } from '../_util/post-ratings';
import { signIn } from '../_util/sign-in';

const SECRET_KEY = 'sk_shop_0123456789abcdefghijklmnopqrstuvwxyz';
const PASSWORD = 'owner password 1';
const s = en.deliveries;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

describeInChromium('delivery view in Chromium against the collector CLI', () => {
  let cli: RunningCli;
  let browser: Browser;
  let receiver: Server;
  let answer = 500;
  const received: Array<{ id: string }> = [];
  const problems: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push({ id: String(req.headers['webhook-id']) });
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    // The first owner as the docs say; the viewer is added through the API later (one PGlite
    // open fewer on a loaded machine).
    [cli, browser] = await Promise.all([
      startDashboardCli({
        sites: [
          {
            id: 'shop',
            siteKey: 'pk_shop',
            secretKey: SECRET_KEY,
            allowedOrigins: [],
            members: [{ email: 'owner@shop.example', role: 'owner', password: PASSWORD }],
            destinations: [
              {
                id: 'crm',
                kind: 'webhook',
                url: `http://127.0.0.1:${port}/hook`,
                secret: 'crm-signing-secret-0123456789',
              },
            ],
          },
        ],
        delivery: {
          pollMs: 100,
          baseDelayMs: 50,
          maxDelayMs: 100,
          disableAfter: 3,
          disableAfterMs: 0,
        },
        env: { RAAYE_LOG_LEVEL: 'error' },
      }),
      launchChromium(),
    ]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await cli?.stop();
    receiver?.close();
  });

  const api = async <T>(path: string): Promise<T> =>
    (
      await fetch(`${cli.url}${path}`, { headers: { authorization: `Bearer ${SECRET_KEY}` } })
    ).json() as Promise<T>;

  async function until(check: () => Promise<boolean> | boolean, what: string, ms = 60_000) {
    const end = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function signedIn(email: string, locale = 'en-US'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    await signIn(page, cli.url, email, PASSWORD);
    await page.locator('section.deliveries').waitFor();
    return page;
  }

  async function axe(page: Page): Promise<string[]> {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const run = (
        window as unknown as {
          axe: {
            run: (
              context: unknown,
              o: unknown,
            ) => Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }>;
          };
        }
      ).axe.run;
      const result = await run(
        { include: [['section.deliveries']] },
        { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
      );
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
  }

  it('shows a disabled destination and each attempt; the owner re-enables it and replays', async () => {
    const response = await fetch(`${cli.url}/v1/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        siteKey: 'pk_shop',
        sentAt: new Date().toISOString(),
        ratings: [
          {
            id: uuid(),
            interactionId: 'order-1',
            scale: 'stars5',
            score: 1,
            comment: '<b>late</b>',
            raterId: 'customer-1',
            source: 'web',
            createdAt: new Date().toISOString(),
          },
        ],
      }),
    });
    expect(response.status).toBe(200);
    await until(async () => {
      const { destinations } = await api<{ destinations: Array<{ disabledAt: string | null }> }>(
        '/v1/destinations',
      );
      return destinations[0]?.disabledAt != null;
    }, 'the destination to be disabled');
    expect(received).toHaveLength(3);
    const eventId = received[0]!.id;

    const page = await signedIn('owner@shop.example');
    const section = page.locator('section.deliveries');
    const crm = section.locator('tr[data-destination="crm"]');
    await expect(crm.locator('[data-health]').textContent()).resolves.toContain(s.disabled);
    const row = section.locator(`tr[data-delivery="${eventId}"]`);
    await expect(row.getAttribute('data-state')).resolves.toBe('pending');
    // Each attempt, by keyboard: the disclosure opens with Enter.
    await row.locator('summary').focus();
    await page.keyboard.press('Enter');
    const attempts = row.locator('table.attempts tbody tr');
    await expect(attempts.count()).resolves.toBe(3);
    for (const text of await attempts.allTextContents()) {
      expect(text).toContain('500');
      expect(text).toContain('HTTP 500');
    }
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axe(page), `en ${scheme}`).toEqual([]);
    }

    // The dashboard's one announcer (other views, e.g. the ratings summary, have status roles too).
    const announcer = page.locator('.visually-hidden[role="status"]');
    // Re-enable by keyboard; the receiver answers now, and the pending delivery goes out.
    answer = 204;
    await crm.getByRole('button', { name: `${s.enable}: crm` }).focus();
    await page.keyboard.press('Enter');
    await until(
      async () => (await announcer.textContent()) === s.enabled('crm'),
      'the announcement',
    );
    await until(() => received.length === 4, 'the delivery after re-enabling');
    const refresh = section.getByRole('button', { name: s.refresh });
    await until(async () => {
      await refresh.click();
      return (await row.getAttribute('data-state')) === 'delivered';
    }, 'the log to say delivered');
    await expect(crm.locator('[data-health]').textContent()).resolves.toContain(s.active);

    // Replay this one event: the receiver gets it again with the same webhook-id.
    await row.getByRole('button', { name: new RegExp(`^${s.replay}: `) }).click();
    await until(
      async () => (await announcer.textContent()) === s.replayed(1),
      'the replay announcement',
    );
    await until(() => received.length === 5, 'the replayed delivery');
    // And a time range (the last hour, in UTC as the form says).
    await until(async () => {
      await refresh.click();
      return (await row.getAttribute('data-state')) === 'delivered';
    }, 'the replay to be delivered');
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString().slice(0, 16);
    await section.locator('input[name="replay-from"]').fill(hourAgo);
    await section.locator('form.replay-range').getByRole('button', { name: s.replay }).click();
    await until(() => received.length === 6, 'the range replay');
    expect(new Set(received.map((r) => r.id))).toEqual(new Set([eventId]));

    // Dead letters: none.
    await section.locator('select[name="delivery-state"]').selectOption('dead');
    await section.getByText(s.none).waitFor();
    expect(problems).toEqual([]);
  });

  it('a viewer reads the log but cannot replay or re-enable; in Urdu it reads right to left', async () => {
    const owner = await fetch(`${cli.url}/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'owner@shop.example', password: PASSWORD }),
    });
    const cookie = owner.headers.get('set-cookie')!.split(';')[0]!;
    const { csrf } = (await owner.json()) as { csrf: string };
    const added = await fetch(`${cli.url}/v1/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-raaye-csrf': csrf },
      body: JSON.stringify({ email: 'viewer@shop.example', role: 'viewer', password: PASSWORD }),
    });
    expect(added.status).toBe(201);
    const page = await signedIn('viewer@shop.example', 'ur-PK');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const section = page.locator('section.deliveries');
    await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(
      ur.deliveries.title,
    );
    await section.locator('tr[data-delivery]').first().waitFor();
    await expect(section.getByRole('button', { name: ur.deliveries.replay }).count()).resolves.toBe(
      0,
    );
    await section.getByText(ur.deliveries.ownersOnly).waitFor();
    // The collector is the guard, not the hidden button.
    const status = await page.evaluate(async () => {
      const session = (await (await fetch('/v1/session')).json()) as { csrf: string };
      const res = await fetch('/v1/deliveries/replay', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-raaye-csrf': session.csrf },
        body: JSON.stringify({ from: new Date(Date.now() - 3_600_000).toISOString() }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    await section.locator('details summary').first().click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await axe(page), `ur ${scheme}`).toEqual([]);
    }
    expect(problems).toEqual([]);
  });
});
