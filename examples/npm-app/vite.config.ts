import { defineConfig } from 'vite';

// `pnpm dev` serves the app on :5173 and forwards /v1 to the demo collector on :8787 as if the
// app were on the collector's own origin (the demo site key accepts only that origin).
const collector = process.env.RAAYE_COLLECTOR ?? 'http://127.0.0.1:8787';

export default defineConfig({
  base: process.env.RAAYE_BASE ?? '/',
  // Two pages: the plain TypeScript app (index.html) and the same flow in React (react.html).
  build: { rollupOptions: { input: ['index.html', 'react.html'] } },
  server: {
    proxy: { '/v1': { target: collector, headers: { origin: collector } } },
  },
});
