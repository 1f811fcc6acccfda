import { join } from 'node:path';
import { serveStatic } from '../http/static-files';

const PREFIX = '/dashboard/';

/** True for the dashboard's paths, which the CLI serves whatever the base path of the API. */
export function isDashboardPath(pathname: string): boolean {
  return pathname === '/dashboard' || pathname.startsWith(PREFIX);
}

/**
 * Static handler for `/dashboard/` → packages/dashboard/dist (follow-up inbox and live scores),
 * with the same strict CSP as the demo page. The app signs in with a secret key and reads the
 * API on this origin.
 */
export function dashboardStatic(repoRoot: string | undefined) {
  return async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    // Its assets are relative to /dashboard/, so the bare path redirects there.
    if (pathname === '/dashboard') {
      return new Response(null, { status: 308, headers: { location: PREFIX } });
    }
    const response = repoRoot
      ? await serveStatic(join(repoRoot, 'packages/dashboard/dist'), PREFIX, pathname)
      : undefined;
    return (
      response ??
      new Response('not found (is the dashboard built? pnpm build)', {
        status: 404,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      })
    );
  };
}
