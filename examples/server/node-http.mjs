// Runnable: `pnpm build && node examples/server/node-http.mjs`, then POST to
// http://127.0.0.1:8787/v1/ratings. In an app, import from '@raaye/collector' instead.
import { createServer } from 'node:http';
import {
  createCollector,
  pgliteStore,
  toNodeListener,
} from '../../packages/collector/dist/index.js';

const store = await pgliteStore(); // in memory; pass a directory to keep the data
const collector = createCollector({
  store,
  sites: [
    {
      id: 'example',
      siteKey: 'pk_example',
      secretKey: 'sk_example',
      allowedOrigins: ['http://localhost:3000', 'https://*.example.com'],
    },
  ],
});

const server = createServer(toNodeListener(collector)).listen(8787, '127.0.0.1', () => {
  console.log('collector on http://127.0.0.1:8787 (pk_example / sk_example)');
});

// Graceful shutdown: stop accepting, let in-flight requests finish, then close the store.
process.once('SIGTERM', () => {
  server.close(async () => {
    await collector.close();
    await store.close();
    process.exit(0);
  });
});
