// Next.js App Router: app/raaye/[...path]/route.ts serves /raaye/v1/… and /raaye/healthz.
// `pnpm add @raaye/collector`; PostgreSQL, since serverless instances share no disk.
import { createCollector, pgliteStore, postgresStore, sitesFromEnv } from '@raaye/collector';

export const runtime = 'nodejs'; // postgres needs TCP sockets
export const dynamic = 'force-dynamic';

// One collector per server instance, created on first use.
let collector: ReturnType<typeof createCollector> | undefined;
async function handler(request: Request): Promise<Response> {
  collector ??= createCollector({
    // PGlite (in memory) only when DATABASE_URL is unset, e.g. in `next dev` or the tests here.
    store: process.env.DATABASE_URL
      ? await postgresStore(process.env.DATABASE_URL, { max: 3 })
      : await pgliteStore(),
    sites: sitesFromEnv(),
    basePath: '/raaye',
    trustProxy: true,
  });
  return collector(request, { clientAddress: request.headers.get('x-real-ip') ?? undefined });
}

export { handler as DELETE, handler as GET, handler as OPTIONS, handler as POST };
