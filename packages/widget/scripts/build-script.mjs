// Builds the script-tag files into dist/: raaye.js (IIFE), raaye.mjs (ES module) and one
// self-registering IIFE per locale (raaye.<code>.js). Everything is bundled: Preact, core, styles.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const locales = readdirSync(`${root}src/locales`).map((f) => f.replace(/\.ts$/, ''));

const common = {
  root,
  configFile: false,
  logLevel: 'warn',
  // Bundle @raaye/core from source, so this build does not depend on core's dist.
  resolve: { conditions: ['@raaye/source'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  // Classic h() calls instead of preact/jsx-runtime: one less module in the script-tag bundle.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
};
const out = { outDir: 'dist', emptyOutDir: false, target: 'es2022', minify: true, sourcemap: true };

// Bring h and Fragment into scope for the classic JSX transform, in our .tsx files only.
const injectH = {
  name: 'raaye-inject-h',
  enforce: 'pre',
  // Same line, so only line 1's columns shift and the existing source map stays usable.
  transform: (code, id) =>
    id.endsWith('.tsx')
      ? { code: `import { h, Fragment } from 'preact';${code}`, map: null }
      : undefined,
};

// The CSS minifier keeps the spaces inside `var()` fallbacks (", " and "16px / 1.4" in the font
// stacks): they are tokens it does not rewrite. None of them is needed; the stylesheet has no
// quoted text with a comma in it.
const tightCss = {
  name: 'raaye-tight-css',
  enforce: 'post',
  transform: (code, id) =>
    id.endsWith('.css?inline')
      ? { code: code.replaceAll(', ', ',').replaceAll(' / ', '/'), map: null }
      : undefined,
};

async function bundle(entry, fileName, format, plugins = []) {
  await build({
    ...common,
    plugins: [injectH, tightCss, ...plugins],
    build: {
      ...out,
      lib: { entry, formats: [format], name: 'raayeBundle', fileName: () => fileName },
      // Library mode keeps whitespace in ES output (for /*#__PURE__*/ hints); this file is final.
      rolldownOptions: { output: { minify: true } },
    },
  });
}

/**
 * A second, slower minification pass with terser over the final file: about 280 bytes brotli
 * less than rolldown's minifier alone on raaye.js, which is what keeps it inside its budget.
 * The source map is chained, so it still points at the TypeScript sources.
 */
async function squeeze(fileName, module) {
  const file = `${root}dist/${fileName}`;
  const result = await minify(readFileSync(file, 'utf8'), {
    module,
    ecma: 2020,
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
    mangle: true,
    sourceMap: { content: readFileSync(`${file}.map`, 'utf8'), url: `${fileName}.map` },
  });
  writeFileSync(file, result.code);
  writeFileSync(`${file}.map`, result.map);
}

await bundle('src/auto.ts', 'raaye.js', 'iife');
await squeeze('raaye.js', false);
// A second full pass (fresh mangling over the first pass's output) finds ~50 B brotli more.
await squeeze('raaye.js', false);
await bundle('src/auto.ts', 'raaye.mjs', 'es');
await squeeze('raaye.mjs', true);

// A locale pack for script tags pushes itself through the command queue, so it works whether it
// loads before or after raaye.js.
for (const code of locales) {
  const id = `virtual:raaye-locale-${code}`;
  await bundle(id, `raaye.${code}.js`, 'iife', [
    {
      name: 'raaye-locale-entry',
      resolveId: (s) => (s.endsWith(id) ? id : undefined),
      load: (s) =>
        s === id
          ? `import pack from '${root}src/locales/${code}.ts';
const w = window;
(w.raaye = w.raaye || function () { (w.raaye.q = w.raaye.q || []).push(arguments); })('locale', pack);`
          : undefined,
    },
  ]);
}
