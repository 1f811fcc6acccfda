// @vitest-environment node
// Issue 11, dashboard hardening, in real Chromium against the built collector CLI (PGlite; the
// headers do not depend on the store):
// - a page on another origin frames the dashboard: Chromium refuses (frame-ancestors 'none',
//   X-Frame-Options DENY), while a frame of its own origin on the same page loads (so the test
//   cannot pass because frames never load);
// - the dashboard opened normally runs under its strict CSP with no violation;
// - the built dashboard served at `//evil.example/dashboard/` calls its own origin's `/v1/`,
//   never evil.example.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { launchChromium } from '@raaye/test-utils/chromium';
import type { RunningCli } from '@raaye/test-utils/collector-cli';
import { DASHBOARD_DIST, secretKey, startDashboardCli } from '@raaye/test-utils/dashboard-cli';
import { describeInChromium } from '@raaye/test-utils/describe';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

describeInChromium('dashboard framing and API base (built CLI, Chromium)', () => {
  let collector: RunningCli;
  let browser: Browser;
  let other: Server;
  let otherUrl: string;

  beforeAll(async () => {
    // Another origin (another port): a page that frames the dashboard, and a page of its own.
    other = createServer((req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      if (req.url === '/own')
        return res.end('<!doctype html><title>own</title><p id="own">own</p>');
      res.end(
        `<!doctype html><title>attacker</title>
         <iframe name="dash" src="${collector.url}/dashboard/"></iframe>
         <iframe name="own" src="/own"></iframe>`,
      );
    });
    [collector, browser] = await Promise.all([
      startDashboardCli({
        sites: [{ id: 'demo', siteKey: 'pk_demo', secretKey: secretKey(), members: [] }],
      }),
      launchChromium(),
      new Promise<void>((r) => other.listen(0, '127.0.0.1', r)),
    ]);
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.stop();
    await new Promise((r) => other?.close(r));
  });

  it('serves the dashboard with a strict CSP, frame-ancestors none and X-Frame-Options DENY', async () => {
    const response = await fetch(`${collector.url}/dashboard/`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('another origin cannot frame it; its own frame on the same page loads', async () => {
    const page = await browser.newPage();
    const refusals: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|X-Frame-Options/i.test(m.text())) refusals.push(m.text());
    });
    await page.goto(`${otherUrl}/`, { waitUntil: 'load' });
    const own = page.frame({ name: 'own' })!;
    await expect.poll(() => own.locator('#own').count(), { timeout: 30_000 }).toBe(1);
    const dash = page.frame({ name: 'dash' })!;
    // Blocked: Chromium swaps in its error page; the dashboard's document never exists there.
    await expect.poll(() => refusals.length, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(dash.url()).not.toContain('/dashboard/');
    expect(await dash.locator('#app').count()).toBe(0);
    await page.close();
  });

  it('runs under its own CSP without a violation when opened normally', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${collector.url}/dashboard/`);
    await expect
      .poll(() => page.locator('form input[type=email]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('served at //evil.example/dashboard/, it calls its own origin, never evil.example', async () => {
    const page = await browser.newPage();
    const api: string[] = [];
    // The built files, served at a path that starts with `//` (as a careless proxy might).
    await page.route(`${collector.url}//evil.example/dashboard/**`, (route) => {
      const rel = new URL(route.request().url()).pathname.replace('//evil.example/dashboard/', '');
      const file = join(DASHBOARD_DIST, rel || 'index.html');
      const type =
        extname(file) === '.js'
          ? 'text/javascript'
          : extname(file) === '.css'
            ? 'text/css'
            : 'text/html';
      return route.fulfill({ body: readFileSync(file), contentType: type });
    });
    await page.route('**/v1/**', (route) => {
      api.push(route.request().url());
      return route.abort();
    });
    await page.route('http://evil.example/**', (route) => {
      api.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${collector.url}//evil.example/dashboard/`);
    await expect.poll(() => api.length, { timeout: 30_000 }).toBeGreaterThan(0);
    for (const url of api) expect(new URL(url).origin).toBe(collector.url);
    expect(api.some((u) => new URL(u).pathname.startsWith('/v1/'))).toBe(true);
    await page.close();
  });
});
