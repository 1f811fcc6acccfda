import { shapeCoverage } from '../channels/coverage';
import { jsonWithEtag } from '../http/etag';
import { parseFilter } from '../http/query-filter';
import type { SiteContext } from './context';

/** `GET /v1/stats?from&to&interactionType&scale` (secret key). */
export async function getStats(ctx: SiteContext): Promise<Response> {
  const { site } = ctx;
  const filter = parseFilter(ctx.url.searchParams);
  const now = new Date(ctx.deps.now()).toISOString();
  const started = performance.now();
  const timed = async <T>(work: Promise<T>): Promise<[T, number]> => [
    await work,
    performance.now() - started,
  ];
  const [[stats, statsMs], [coverage, coverageMs]] = await Promise.all([
    timed(ctx.deps.store.stats(site.id, filter)),
    timed(ctx.deps.store.coverage(site.id, filter, now)),
  ]);
  const storeMs = performance.now() - started;
  // `coverage`: the owed ledger (issue 14), entries bucketed by when they were owed.
  const response = jsonWithEtag(ctx.request, {
    site: site.id,
    filter,
    ...stats,
    coverage: shapeCoverage(coverage),
  });
  // The store's share of the answer, apart from HTTP and the network: what an operator (or the
  // benchmark of issue 16 goal 4) needs to tell a slow query from a busy machine.
  // The two queries run side by side; each one's time is to its own answer.
  response.headers.set(
    'server-timing',
    `store;dur=${storeMs.toFixed(2)}, rollup;dur=${statsMs.toFixed(2)}, coverage;dur=${coverageMs.toFixed(2)}`,
  );
  return response;
}
