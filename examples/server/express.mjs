// Express: mount the collector under a path; everything below it is the collector's.
// `pnpm add express @raaye/collector`
import { createCollector, postgresStore, sitesFromEnv, toNodeListener } from '@raaye/collector';
import express from 'express';

const collector = createCollector({
  store: await postgresStore(process.env.DATABASE_URL),
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
app.listen(3000);
