// Real-browser check of the script-tag demo under its strict CSP, against a running collector:
//   node packages/collector/dist/cli.js --demo --port 8799 &
//   BASE=http://127.0.0.1:8799/ node --import tsx packages/widget/scripts/e2e-demo.mjs
// (tsx: the shared Chromium launcher is TypeScript; RAAYE_CHROMIUM overrides /usr/bin/chromium.)
// Screenshots (en, ur, dark) go to test-results/. Exits non-zero on the first failed check.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from '@raaye/test-utils/chromium';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const base = process.env.BASE ?? 'http://127.0.0.1:8787/';
const out = 'test-results/widget-e2e';
mkdirSync(out, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 390, height: 760 } });
const problems = [];
page.on('pageerror', (e) => problems.push(e.message));
page.on('console', (m) => m.text().includes('Content Security Policy') && problems.push(m.text()));
const shadow = (fn) => page.evaluate(`(${fn})(document.querySelector('[data-raaye]').shadowRoot)`);
/** axe-core WCAG 2.2 AA rules over the widget (it reads open shadow roots). */
async function axe() {
  await page.evaluate(axeSource);
  const ids = await page.evaluate(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];
    const r = await window.axe.run({ include: [['[data-raaye]']] }, { runOnly: tags });
    return r.violations.map((v) => v.id);
  });
  assert.deepEqual(ids, [], `axe: ${ids.join(', ')}`);
}
const focused = () => shadow((r) => r.activeElement?.getAttribute('aria-label'));

try {
  await page.goto(base);
  await page.click('#end-ride');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('main').inert), true);
  assert.equal(await shadow((r) => r.adoptedStyleSheets.length), 1);
  assert.equal(await focused(), '1 star');

  // Required: Escape, a backdrop click and Tab do not get out.
  await page.keyboard.press('Escape');
  await page.mouse.click(5, 5);
  assert.ok(await dialog.isVisible());
  assert.equal(await focused(), '1 star');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '2 stars');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.hasAttribute('data-raaye')));

  await page.getByRole('checkbox', { name: 'Late pickup' }).check({ force: true });
  await page.getByRole('textbox').fill('<b>driver</b> was late');
  await page.waitForTimeout(400); // let the entry animation finish
  await page.screenshot({ path: `${out}/en.png` });
  await axe();
  await page.getByRole('button', { name: 'Submit' }).click();
  await page.getByRole('status').filter({ hasText: 'Thank you' }).waitFor();
  await dialog.waitFor({ state: 'detached', timeout: 5000 });
  assert.equal(await page.evaluate(() => document.querySelector('main').inert), false);
  await page.getByText(/collector accepted/).waitFor({ timeout: 10000 });

  // Urdu, right to left, then dark; then a reload brings the unanswered prompt back.
  await page.click('#again');
  await page.click('[data-locale=ur]');
  await page.click('#end-ride');
  await dialog.waitFor();
  assert.equal(await shadow((r) => r.querySelector('[dir]').getAttribute('dir')), 'rtl');
  await page.getByRole('radio').nth(3).check({ force: true });
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/ur.png` });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${out}/ur-dark.png` });
  await axe();
  await page.reload();
  await dialog.waitFor({ timeout: 5000 });
  assert.deepEqual(problems, []);
  console.log(`ok: demo works under strict CSP; screenshots in ${out}/`);
} finally {
  await browser.close();
}
