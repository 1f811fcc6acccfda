/**
 * Bundle weight: minified, gzip (level 9) and brotli (quality 11) bytes of what a page downloads.
 * Published script bundles are measured as shipped; npm entry points are bundled with esbuild
 * (minified, ESM, browser) from a one-line entry, as an app's bundler would include them.
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { versionOf } from './machine';
import { bytes, table } from './stats';

const here = new URL('..', import.meta.url).pathname;
const nm = (path: string) => `${here}node_modules/${path}`;

export interface Weight {
  what: string;
  version: string;
  how: string;
  min: number;
  gzip: number;
  brotli: number;
}

function sizes(code: Uint8Array | string) {
  const buf = typeof code === 'string' ? Buffer.from(code) : Buffer.from(code);
  return {
    min: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
  };
}

/** esbuild bundle of a tiny entry file, minified, as an app would ship it. */
export async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const file = (path: string) => readFileSync(path);

export async function measureWeights(): Promise<Weight[]> {
  const raaye = versionOf('@raaye/widget');
  const ph = versionOf('posthog-js');
  const sentry = versionOf('@sentry/browser');
  const fb = versionOf('@formbricks/js');
  const rows: Array<Omit<Weight, 'min' | 'gzip' | 'brotli'> & { code: Uint8Array | string }> = [
    {
      what: 'Raaye script tag (`raaye.js`, en)',
      version: raaye,
      how: 'as shipped',
      code: file(nm('@raaye/widget/dist/raaye.js')),
    },
    {
      what: 'Raaye `@raaye/core` (all exports)',
      version: versionOf('@raaye/core'),
      how: 'esbuild `export * from`',
      code: await bundle(`export * from '@raaye/core';`),
    },
    {
      what: 'Raaye `@raaye/widget` (index, with preact + core)',
      version: raaye,
      how: 'esbuild `export * from`',
      code: await bundle(`export * from '@raaye/widget';`),
    },
    {
      what: 'PostHog full script (`array.full.js`, surveys included)',
      version: ph,
      how: 'as shipped',
      code: file(nm('posthog-js/dist/array.full.js')),
    },
    {
      what: 'PostHog script (`array.js`)',
      version: ph,
      how: 'as shipped',
      code: file(nm('posthog-js/dist/array.js')),
    },
    {
      what: 'PostHog surveys extension (`surveys.js`, lazy-loaded by `array.js`)',
      version: ph,
      how: 'as shipped',
      code: file(nm('posthog-js/dist/surveys.js')),
    },
    {
      what: 'Sentry `init` + `feedbackIntegration`',
      version: sentry,
      how: 'esbuild, only those two',
      code: await bundle(
        `import { init, feedbackIntegration } from '@sentry/browser';
         init({ dsn: 'https://k@o0.ingest.sentry.io/0', integrations: [feedbackIntegration()] });`,
      ),
    },
    {
      what: 'Formbricks `@formbricks/js` (loader only)',
      version: fb,
      how: 'esbuild `formbricks.setup`',
      code: await bundle(
        `import formbricks from '@formbricks/js';
         formbricks.setup({ workspaceId: 'w', appUrl: 'https://app.formbricks.com' });`,
      ),
    },
  ];
  return rows.map(({ code, ...row }) => ({ ...row, ...sizes(code) }));
}

export function weightTable(rows: Weight[]): string {
  const base = rows[0]?.brotli ?? 1;
  return table(
    ['bundle', 'version', 'how', 'minified B', 'gzip B', 'brotli B', 'brotli vs raaye.js'],
    rows.map((r) => [
      r.what,
      r.version,
      r.how,
      bytes(r.min),
      bytes(r.gzip),
      bytes(r.brotli),
      `${(r.brotli / base).toFixed(1)}×`,
    ]),
  );
}
