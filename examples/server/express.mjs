// Express: mount the collector under a path; everything below it is the collector's.
// `pnpm add express @raaye/collector`
import {
  createCollector,
  pgliteStore,
  postgresStore,
  sitesFromEnv,
  toNodeListener,
} from '@raaye/collector';
import express from 'express';

const collector = createCollector({
  // PostgreSQL in production; embedded PGlite (in memory) when DATABASE_URL is not set.
  store: process.env.DATABASE_URL
    ? await postgresStore(process.env.DATABASE_URL)
    : await pgliteStore(),
  sites: sitesFromEnv(), // RAAYE_SITE_KEY, RAAYE_SECRET_KEY, RAAYE_ALLOWED_ORIGINS
  basePath: '/raaye',
  trustProxy: true, // behind a load balancer that sets X-Forwarded-For
});

const app = express();
// No body parser on this path: the collector stream-reads the body with its own 64 KiB cap.
app.use('/raaye', (req, res) => {
  req.url = req.originalUrl; // keep the /raaye prefix, which basePath expects
  toNodeListener(collector)(req, res);
});
const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, '127.0.0.1', (error) => {
  if (error) throw error; // Express 5 passes listen errors (e.g. EADDRINUSE) here
  console.log(`listening on http://127.0.0.1:${server.address().port}/raaye`);
});
