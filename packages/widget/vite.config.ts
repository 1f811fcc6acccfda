import { readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import dts from 'vite-plugin-dts';

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
  plugins: [
    dts({
      include: ['src'],
      entryRoot: 'src',
      // Keep `@raaye/core` and `@raaye/protocol` imports as they are (paths only point the checker at core's source).
      pathsToAliases: false,
      tsconfigPath: './tsconfig.build.json',
      // Types are checked against core's source (its dist may not be built yet); keep only ours.
      beforeWriteFile: (filePath, content) =>
        filePath.includes('/packages/widget/dist/') ? { filePath, content } : false,
    }),
  ],
});
