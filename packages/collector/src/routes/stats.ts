import { jsonWithEtag } from '../http/etag';
import { parseFilter } from '../http/query-filter';
import type { SiteContext } from './context';

/** `GET /v1/stats?from&to&interactionType&scale` (secret key). */
export async function getStats(ctx: SiteContext): Promise<Response> {
  const { site } = ctx;
  const filter = parseFilter(ctx.url.searchParams);
  return jsonWithEtag(ctx.request, {
    site: site.id,
    filter,
    ...(await ctx.deps.store.stats(site.id, filter)),
  });
}
