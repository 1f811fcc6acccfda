import { jsonWithEtag } from '../http/etag';
import { parseFilter } from '../http/query-filter';
import { authorize } from '../members/authorize';
import type { RouteContext } from './context';

/** `GET /v1/stats?from&to&interactionType&scale` (secret key). */
export async function getStats(ctx: RouteContext): Promise<Response> {
  const { site } = await authorize(ctx, 'read');
  const filter = parseFilter(ctx.url.searchParams);
  return jsonWithEtag(ctx.request, {
    site: site.id,
    filter,
    ...(await ctx.deps.store.stats(site.id, filter)),
  });
}
