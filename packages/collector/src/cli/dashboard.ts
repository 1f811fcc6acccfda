import { join } from 'node:path';
import { serveStatic } from '../http/static-files';

/**
 * The dashboard's own policy: its scripts, styles and API calls from this origin only, nothing
 * inline, no plugins, no `<base>` and — because it holds a signed-in session that can erase
 * raters and reply to customers — never inside a frame (`frame-ancestors 'none'`; clickjacking).
 * X-Frame-Options says the same to browsers that predate CSP level 2.
 */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

const withDashboardHeaders = (response: Response): Response => {
  for (const [name, value] of Object.entries(DASHBOARD_HEADERS)) response.headers.set(name, value);
  return response;
};

/**
 * Static handler for `<basePath>/dashboard/` → the built dashboard in dist/static (follow-up inbox and live
 * scores), under DASHBOARD_HEADERS. The app's asset URLs are relative and it
 * finds the API one level up (`<basePath>/v1/…`), so it works under any base path.
 */
export function dashboardStatic(staticRoot: string | undefined, basePath = '') {
  const prefix = `${basePath}/dashboard/`;
  const respond = async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    // Its assets are relative to the folder, so the bare path redirects there.
    if (pathname === prefix.slice(0, -1)) {
      return new Response(null, { status: 308, headers: { location: prefix } });
    }
    const response = staticRoot
      ? await serveStatic(join(staticRoot, 'dashboard'), prefix, pathname)
      : undefined;
    return (
      response ??
      new Response('not found (is the dashboard built? pnpm build)', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      })
    );
  };
  return {
    matches: (pathname: string) => pathname === prefix.slice(0, -1) || pathname.startsWith(prefix),
    serve: async (request: Request) => withDashboardHeaders(await respond(request)),
  };
}
