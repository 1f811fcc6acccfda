import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS_DIR, describeInChromium, launchChromium } from '../_util/browser';
import { SNIPPET, startWidgetServer, TAG, type WidgetServer } from '../_util/widget-server';

/**
 * The visual record of the prompt (issue 15): every scale × en/ur × light/dark × phone/desktop ×
 * question/follow-up/thanks is written to test-results/visual/ (not committed) and checked with
 * axe-core; a representative few are compared with committed baselines, so a visual change is a
 * reviewed change. `RAAYE_UPDATE_BASELINES=1` rewrites the baselines.
 */
const OUT = join(ARTIFACTS_DIR, 'visual');
const BASELINES = join(import.meta.dirname, '..', 'visual-baselines');
const UPDATE = process.env.RAAYE_UPDATE_BASELINES === '1';
const SCALES = ['stars5', 'faces5', 'thumbs', 'nps', 'csat5', 'ces7'] as const;
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };
const STATES = ['question', 'follow-up', 'thanks'] as const;
/** Compared with baselines: stars and NPS, en and ur, phone, light and dark, the question. */
const BASELINED = /^phone-(stars5|nps)-(en|ur)-(light|dark)-question\.png$/;
const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const TEXT = {
  en: {
    title: 'How was your ride with Ali?',
    name: 'Ali',
    detail: 'Toyota Corolla · LEA 1234',
    tags: ['Late pickup', 'Rude', 'Dirty car'],
  },
  ur: {
    title: 'علی کے ساتھ آپ کی سواری کیسی رہی؟',
    name: 'علی',
    detail: 'ٹویوٹا کرولا · LEA 1234',
    tags: ['دیر سے آئے', 'بدتمیزی', 'گندی گاڑی'],
  },
};

async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(o?: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    // resultTypes: only violations get full node details (several times faster per run).
    const r = await axe.run({
      resultTypes: ['violations'],
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] },
    });
    return r.violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/** Fraction of pixels that differ beyond pixelmatch's colour threshold (antialiasing ignored). */
function diffRatio(a: Buffer, b: Buffer): number {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return 1;
  const n = pixelmatch(x.data, y.data, undefined, x.width, x.height, { threshold: 0.2 });
  return n / (x.width * x.height);
}

describeInChromium('visual record of the prompt (issue 15)', () => {
  let browser: Browser;
  let server: WidgetServer;
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    [browser, server] = await Promise.all([launchChromium(), startWidgetServer()]);
    for (const lang of ['en', 'ur'] as const) {
      server.pages.set(`/visual-${lang}`, {
        head: ` lang="${lang}" dir="${lang === 'ur' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Ride</title>${SNIPPET}<script src="/sdk/raaye.ur.js"></script>${TAG()}</head>`,
        body: '<body><main><h1>Ride finished</h1><p>Fare: 640</p></main></body></html>',
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('writes the screenshot matrix, axe finds nothing, baselines match', async () => {
    const page = await browser.newPage({ reducedMotion: 'reduce' });
    const violations: string[] = [];
    const mismatched: string[] = [];
    let shots = 0;
    let n = 0;
    for (const lang of ['en', 'ur'] as const) {
      await page.goto(`${server.origin}/visual-${lang}`);
      await page.addScriptTag({ content: axeSource });
      for (const [vp, size] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(size);
        for (const theme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
          for (const scale of SCALES) {
            const t = TEXT[lang];
            const id = `v${++n}`;
            await page.evaluate(
              ([id, scale, t]) => {
                const r = (window as unknown as { raaye: (...a: unknown[]) => unknown }).raaye;
                r('init', { storage: 'memory', thanksMs: 1e9, bridge: false });
                (window as unknown as { __ev: string[][] }).__ev.length = 0;
                r('ask', {
                  interactionId: id,
                  scale,
                  title: t.title,
                  subject: { image: '/avatar.svg', name: t.name, detail: t.detail },
                  tags: { low: t.tags, high: t.tags },
                });
              },
              [id, scale, t] as const,
            );
            await page.waitForFunction(
              (id) =>
                (window as unknown as { __ev: string[][] }).__ev.some(
                  ([e, i]) => e === 'shown' && i === id,
                ),
              id,
            );
            await page
              .locator('raaye-prompt img')
              .evaluate((img: HTMLImageElement) => img.decode());
            const dialog = page.getByRole('dialog');
            for (const state of STATES) {
              // The visible option (its label), as a finger would.
              if (state === 'follow-up') await dialog.locator('.opt').first().click();
              if (state === 'thanks') {
                await dialog
                  .getByRole('button', { name: lang === 'en' ? 'Submit' : 'جمع کرائیں' })
                  .click();
                await page.getByRole('status').locator('b').waitFor();
              }
              const name = `${vp}-${scale}-${lang}-${theme}-${state}.png`;
              const png = await page.screenshot({ path: join(OUT, name) });
              shots++;
              for (const v of await axeViolations(page)) violations.push(`${name}: ${v}`);
              if (!BASELINED.test(name)) continue;
              const base = join(BASELINES, name);
              if (UPDATE || !existsSync(base)) {
                mkdirSync(BASELINES, { recursive: true });
                writeFileSync(base, png);
                continue;
              }
              const ratio = diffRatio(readFileSync(base), png);
              // Font hinting and antialiasing move a few edge pixels; a layout change moves many.
              if (ratio > 0.005)
                mismatched.push(`${name}: ${(ratio * 100).toFixed(2)}% of pixels differ`);
            }
          }
        }
      }
    }
    await page.close();
    expect(shots).toBe(SCALES.length * 2 * 2 * 2 * 3);
    expect(violations).toEqual([]);
    expect(mismatched).toEqual([]);
    // 144 screenshots and axe runs: ~70-90 s on a loaded 2-core machine.
  }, 240_000);
});
