import { PAGE_CSS_HASH } from './styles';

// No script at all; the one inline style block by hash; the confirmation stylesheet from here.
const CSP = [
  "default-src 'none'",
  `style-src 'self' ${PAGE_CSS_HASH}`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * A landing page. Never cached (each visit gets its own confirmation), never indexed, and the
 * link's token never leaves in a Referer.
 */
export function pageResponse(request: Request, body: string, status = 200): Response {
  return new Response(request.method === 'HEAD' ? null : body, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-robots-tag': 'noindex, nofollow',
    },
  });
}

export function cssResponse(): Response {
  return new Response('/* raaye */\n', {
    headers: {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
