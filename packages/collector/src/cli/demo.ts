import { join } from 'node:path';
import type { SiteInput } from '../config/types';
import { HTML_CSP, serveStatic } from '../http/static-files';

export const DEMO_SITE_KEY = 'pk_demo';
export const DEMO_SECRET_KEY = 'sk_demo';

/** The demo site accepts ratings from the server's own origin(s) only. */
/**
 * The demo's dashboard owner: public and fixed like the demo keys, so the README can say how to
 * sign in. Only `--demo` creates it, and only on the demo site.
 */
export const DEMO_OWNER = { email: 'owner@demo.raaye', password: 'raaye-demo-owner' } as const;

export function demoSite(origins: string[]): SiteInput {
  return {
    id: 'demo',
    siteKey: DEMO_SITE_KEY,
    secretKey: DEMO_SECRET_KEY,
    allowedOrigins: origins,
    // Generous, so clicking around the demo never trips the limiter.
    limits: { client: { burst: 300, perSecond: 50 } },
  };
}

const NOTICE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Raaye collector</title>
<h1>Raaye collector is running</h1>
<p>The demo page was not found (this collector was built without dist/static: run
<code>pnpm build</code>). Send ratings to <code>POST /v1/ratings</code> with the site key <code>pk_demo</code> and read
<code>GET /v1/stats</code> with <code>Authorization: Bearer sk_demo</code>.</p></html>`;

/**
 * Static handler for the demo, from the package's own dist/static (see static-dir.ts):
 * `/sdk/` → the script-tag files (raaye.js, raaye.mjs, locale packs), `/webview/` → the page an
 * app loads in its webview (examples/webview), everything else → the script-tag demo
 * (examples/script-tag), with a built-in notice when that is missing.
 */
export function demoStatic(staticRoot: string | undefined) {
  return async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    if (staticRoot) {
      const mounts: Array<[string, string]> = [
        ['/sdk/', join(staticRoot, 'sdk')],
        ['/webview/', join(staticRoot, 'webview')],
        ['/', join(staticRoot, 'demo')],
      ];
      for (const [prefix, dir] of mounts) {
        if (!pathname.startsWith(prefix)) continue;
        const response = await serveStatic(dir, prefix, pathname);
        if (response) return response;
        break;
      }
    }
    if (pathname === '/' || pathname === '/index.html') {
      return new Response(NOTICE, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': HTML_CSP,
        },
      });
    }
    return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
  };
}
