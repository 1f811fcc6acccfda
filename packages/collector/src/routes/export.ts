import { CSV_HEADER, csvRow, HEADERS } from '@raaye/protocol';
import { CollectorError } from '../errors';
import { ndjsonRow } from '../export/ndjson';
import { decodeCursor, encodeCursor, parseFilter, parseLimit } from '../http/query-filter';
import type { StoredRow } from '../store/types';
import type { SiteContext } from './context';

const CHUNK = 500;

/**
 * `GET /v1/ratings?format=ndjson|csv&limit&cursor&from&to&…` (secret key). Streams the page
 * in chunks so memory stays flat; the next cursor is in `Raaye-Next-Cursor` and `Link`.
 */
export async function exportRatings(ctx: SiteContext): Promise<Response> {
  const { store } = ctx.deps;
  const { site } = ctx;
  const params = ctx.url.searchParams;
  const filter = parseFilter(params);
  const limit = parseLimit(params, 1000, 10_000);
  const cursor = decodeCursor(params);
  const csv = wantsCsv(params, ctx.request.headers.get('accept'));

  const { lastSeq, more } = await store.pageEnd(site.id, filter, cursor, limit);
  const headers = new Headers({
    'content-type': csv ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  if (csv) headers.set('content-disposition', 'attachment; filename="ratings.csv"');
  if (more && lastSeq !== null) {
    const next = new URL(ctx.url);
    next.searchParams.set('cursor', encodeCursor(lastSeq));
    headers.set(HEADERS.nextCursor, encodeCursor(lastSeq));
    headers.set('link', `<${next.pathname}${next.search}>; rel="next"`);
  }

  const end = lastSeq === null ? -1n : BigInt(lastSeq);
  let after = cursor;
  let headerSent = !csv;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let text = headerSent ? '' : CSV_HEADER;
      headerSent = true;
      const rows: StoredRow[] =
        BigInt(after) >= end ? [] : await store.listRatings(site.id, filter, after, CHUNK);
      // Rows committed after pageEnd may carry lower or higher sequence numbers: the page ends
      // exactly at lastSeq so the next page starts where the cursor says.
      const inPage = rows.filter((r) => BigInt(r.seq) <= end);
      for (const row of inPage) text += csv ? csvRow(row) : ndjsonRow(row);
      if (text) controller.enqueue(encoder.encode(text));
      const last = inPage.at(-1);
      if (!last || inPage.length < rows.length || BigInt(last.seq) >= end) controller.close();
      else after = last.seq;
    },
  });
  return new Response(stream, { status: 200, headers });
}

function wantsCsv(params: URLSearchParams, accept: string | null): boolean {
  const format = params.get('format');
  if (format !== null && format !== 'csv' && format !== 'ndjson') {
    throw new CollectorError('invalid_body', 'format must be ndjson or csv', { path: 'format' });
  }
  if (format !== null) return format === 'csv';
  return accept?.includes('text/csv') ?? false;
}
