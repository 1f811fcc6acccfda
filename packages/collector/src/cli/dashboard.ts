import { join } from 'node:path';
import { serveStatic } from '../http/static-files';

/**
 * Static handler for `<basePath>/dashboard/` → the built dashboard in dist/static (follow-up inbox and live
 * scores), with the same strict CSP as the demo page. The app's asset URLs are relative and it
 * finds the API one level up (`<basePath>/v1/…`), so it works under any base path.
 */
export function dashboardStatic(staticRoot: string | undefined, basePath = '') {
  const prefix = `${basePath}/dashboard/`;
  return {
    matches: (pathname: string) => pathname === prefix.slice(0, -1) || pathname.startsWith(prefix),
    async serve(request: Request): Promise<Response> {
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
    },
  };
}
