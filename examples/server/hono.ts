// Hono (Node, Bun, Deno, Cloudflare Workers): the collector is already a Fetch handler.
// `pnpm add hono @raaye/collector`
import { createCollector, postgresStore, sitesFromEnv } from '@raaye/collector';
import { Hono } from 'hono';

const collector = createCollector({
  store: await postgresStore(process.env.DATABASE_URL!),
  sites: sitesFromEnv(),
  basePath: '/raaye',
});

const app = new Hono();
app.all('/raaye/*', (c) =>
  // Hand the raw Request over; the address feeds the per-client rate limit.
  collector(c.req.raw, { clientAddress: c.req.header('x-real-ip') }),
);

export default app;
