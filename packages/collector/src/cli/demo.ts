import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SiteInput } from '../config/types';
import { HTML_CSP, serveStatic } from '../http/static-files';

export const DEMO_SITE_KEY = 'pk_demo';
export const DEMO_SECRET_KEY = 'sk_demo';

/** The demo site accepts ratings from the server's own origin(s) only. */
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

/** The monorepo root: the nearest ancestor of this file holding pnpm-workspace.yaml. */
export function findRepoRoot(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const NOTICE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Raaye collector</title>
<h1>Raaye collector is running</h1>
<p>The demo page (examples/script-tag/) was not found. Build the widget and add the example,
or send ratings to <code>POST /v1/ratings</code> with the site key <code>pk_demo</code> and read
<code>GET /v1/stats</code> with <code>Authorization: Bearer sk_demo</code>.</p></html>`;

/**
 * Static handler for the demo: `/sdk/core/` → packages/core/dist, `/sdk/` → packages/widget/dist,
 * `/webview/` → examples/webview (the page an app loads in its webview),
 * everything else → examples/script-tag (with a built-in notice when that is missing).
 */
export function demoStatic(repoRoot: string | undefined) {
  return async (request: Request): Promise<Response> => {
    const { pathname } = new URL(request.url);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } });
    }
    if (repoRoot) {
      const mounts: Array<[string, string]> = [
        ['/sdk/core/', join(repoRoot, 'packages/core/dist')],
        ['/sdk/', join(repoRoot, 'packages/widget/dist')],
        ['/webview/', join(repoRoot, 'examples/webview')],
        ['/', join(repoRoot, 'examples/script-tag')],
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
