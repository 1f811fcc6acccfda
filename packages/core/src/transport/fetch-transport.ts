import type { ItemResult } from '../contract';
import type { OutgoingBatch, TransportResponse } from '../types';

/**
 * The default transport: one `fetch` POST. `text/plain` keeps cross-origin requests CORS-simple,
 * so there is no preflight and keepalive requests made while the page unloads still go out.
 * There is no retry here: the durable queue owns retries, with backoff that survives reloads.
 *
 * Why not ky (the design's first choice): ky 1.14 is 4.5 KiB brotli, two thirds of the whole
 * core budget, for a single POST whose retry we would switch off. Sites that want ky (or axios,
 * or their own API) pass it as `transport`; see the README.
 */
export function fetchTransport(timeoutMs: number) {
  return async (batch: OutgoingBatch): Promise<TransportResponse> => {
    // Not AbortSignal.any/timeout: older iOS webviews (Safari < 17.4) lack them.
    const controller = new AbortController();
    const abort = () => controller.abort();
    const timer = setTimeout(abort, timeoutMs);
    batch.signal.addEventListener('abort', abort);
    if (batch.signal.aborted) abort();
    try {
      const response = await fetch(batch.url, {
        method: 'POST',
        body: batch.body,
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        keepalive: batch.keepalive,
        credentials: 'omit',
        signal: controller.signal,
      });
      let results: ItemResult[] | undefined;
      if (response.ok) {
        const body = (await response.json().catch(() => undefined)) as
          | { results?: unknown }
          | undefined;
        if (Array.isArray(body?.results)) results = body.results as ItemResult[];
      }
      return { status: response.status, results, retryAfter: response.headers.get('retry-after') };
    } finally {
      clearTimeout(timer);
      batch.signal.removeEventListener('abort', abort);
    }
  };
}
