import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import { declarations } from '../../scripts/dts';

const locales = readdirSync(new URL('./src/locales', import.meta.url)).map((f) =>
  f.replace(/\.ts$/, ''),
);

// The npm build: ES modules, Preact and core left to the app's bundler. The script-tag bundles
// (raaye.js and the locale packs) are built by scripts/build-script.mjs.
export default defineConfig({
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        ...Object.fromEntries(locales.map((l) => [`locales/${l}`, `src/locales/${l}.ts`])),
      },
      formats: ['es'],
    },
    rollupOptions: { external: [/^preact(\/|$)/, /^@raaye\/(core|protocol)(\/|$)/] },
    minify: false,
    sourcemap: true,
    target: 'es2022',
  },
  plugins: [declarations({ packageDir: import.meta.dirname })],
});
