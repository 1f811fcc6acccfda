import { createHash } from 'node:crypto';
import { jsonText } from './respond';

/**
 * JSON answer with a weak ETag of its body; a matching `If-None-Match` gets a bodyless 304. The
 * queries still run, but a dashboard polling an unchanged inbox stops downloading it.
 */
export function jsonWithEtag(request: Request, body: unknown): Response {
  const text = JSON.stringify(body);
  const etag = `W/"${createHash('sha1').update(text).digest('base64url')}"`;
  const match = request.headers.get('if-none-match');
  if (match?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return new Response(null, {
      status: 304,
      headers: { etag, 'cache-control': 'no-cache', vary: 'Authorization' },
    });
  }
  const response = jsonText(text);
  response.headers.set('etag', etag);
  // Revalidate every time; the body depends on the key, so shared caches must keep them apart.
  response.headers.set('cache-control', 'no-cache');
  response.headers.set('vary', 'Authorization');
  return response;
}
