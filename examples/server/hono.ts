// Hono (Node, Bun, Deno, Cloudflare Workers): the collector is already a Fetch handler.
// `pnpm add hono @raaye/collector`
import { createCollector, pgliteStore, postgresStore, sitesFromEnv } from '@raaye/collector';
import { Hono } from 'hono';

const collector = createCollector({
  // PostgreSQL in production; embedded PGlite (in memory) when DATABASE_URL is not set.
  store: process.env.DATABASE_URL
    ? await postgresStore(process.env.DATABASE_URL)
    : await pgliteStore(),
  sites: sitesFromEnv(),
  basePath: '/raaye',
});

const app = new Hono();
app.all('/raaye/*', (c) =>
  // Hand the raw Request over; the address feeds the per-client rate limit.
  collector(c.req.raw, { clientAddress: c.req.header('x-real-ip') }),
);

export default app;
