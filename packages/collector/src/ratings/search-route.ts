import { HEADERS, type RatingsPage } from '@raaye/protocol';
import { json } from '../http/respond';
import type { SiteContext } from '../routes/context';
import { encodeSearchCursor, parseSearchQuery } from './search-params';
import { searchRatings } from './search-sql';

/**
 * `GET /v1/ratings/search` (secret key, API token or a member's session; any role reads):
 * every rating matching the filters, newest first, one JSON page at a time. The next page's
 * cursor is in the body and in `raaye-next-cursor`.
 */
export async function searchRatingsRoute(ctx: SiteContext): Promise<Response> {
  const query = parseSearchQuery(ctx.url.searchParams);
  // One more than the page tells whether another page follows, without a count.
  const rows = await searchRatings(ctx.deps.store.sql, ctx.site.id, query, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last ? encodeSearchCursor(last.eventTime, last.seq) : null;
  const body: RatingsPage = {
    ratings: page.map(({ seq: _seq, ...rating }) => rating),
    nextCursor,
  };
  return json(body, 200, nextCursor ? { [HEADERS.nextCursor]: nextCursor } : {});
}
