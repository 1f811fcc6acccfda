import { defaultClientConditions, defineConfig } from 'vite';

// A static app: the collector CLI serves dist/ at <basePath>/dashboard/ and the API at
// <basePath>/v1/ on the same origin, so the strict CSP (`default-src 'self'`) needs no exceptions.
// Asset URLs are relative (`./assets/…`) so any base path works. `vite` (dev) proxies the
// API to a local collector: `node packages/collector/dist/cli.js --demo`.
export default defineConfig({
  base: './',
  // The contract from source, so the dashboard builds without @raaye/protocol's dist.
  resolve: { conditions: ['@raaye/source', ...defaultClientConditions] },
  build: {
    target: 'es2022',
    sourcemap: true,
    // Nothing inlined as data: URLs, and no inline preload polyfill: the CSP allows neither.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // Stable names so size-budget.json can point at them; the CLI serves them with
    // `Cache-Control: no-cache`, so a content hash would buy no caching.
    rolldownOptions: {
      output: {
        entryFileNames: 'assets/dashboard.js',
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.css'))
            ? 'assets/dashboard.css'
            : 'assets/[name][extname]',
      },
    },
  },
  server: {
    proxy: { '/v1': process.env.RAAYE_COLLECTOR ?? 'http://127.0.0.1:8787' },
  },
});
