import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { freePort, REPO_ROOT } from './collector';

const PAGES = join(import.meta.dirname, '..', 'pages');
const SDK = join(REPO_ROOT, 'packages/widget/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export interface PageServer {
  origin: string;
  /** Values filled into HTML (and `SPA_DIR`); read at request time, so they may be set later. */
  vars: Record<string, string>;
  /** Requests for `/sdk/*` and pages, in order (to prove "no request before the prompt"). */
  log: string[];
  close(): Promise<void>;
}

/** Base64 SHA-384 of a built SDK file, for `integrity=` (Subresource Integrity). */
export function sriOf(file: string): string {
  return `sha384-${createHash('sha384')
    .update(readFileSync(join(SDK, file)))
    .digest('base64')}`;
}

/**
 * Serves the test pages (e2e/pages) and the built widget (/sdk/) on their own origin, as a site
 * owner's server would, cross-origin from the collector. In HTML, `{{ENDPOINT}}`, `{{SITE_KEY}}`
 * and `{{SRI:file}}` are filled in. Pages whose name starts with `csp-` get a strict CSP header.
 */
export async function startPageServer(vars: Record<string, string>): Promise<PageServer> {
  const port = await freePort();
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    log.push(path);
    // `/spa/…` serves a built single-page app (vars.SPA_DIR), falling back to its index.html.
    const spa = path.startsWith('/spa/') ? vars.SPA_DIR : undefined;
    const [root, rel] = path.startsWith('/sdk/')
      ? [SDK, path.slice(5)]
      : spa
        ? [spa, existsSync(join(spa, path.slice(5))) ? path.slice(5) : 'index.html']
        : [PAGES, path.slice(1)];
    const file = normalize(join(root, rel || 'index.html'));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    let body: Buffer | string;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end('not found');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // `?bfcache` pages may enter the back/forward cache, which `no-store` rules out in Chromium.
    const cache = new URL(req.url ?? '/', 'http://x').searchParams.has('bfcache')
      ? 'no-cache'
      : 'no-store';
    const headers: Record<string, string> = { 'content-type': type, 'cache-control': cache };
    if (type.startsWith('text/html')) {
      body = body
        .toString('utf8')
        .replace(/\{\{SRI:([\w.]+)\}\}/g, (_, name: string) => sriOf(name))
        .replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? '');
      if (rel.startsWith('csp-')) {
        headers['content-security-policy'] =
          `default-src 'none'; script-src 'self'; style-src 'self'; connect-src ${vars.ENDPOINT}; img-src 'self'; report-uri /csp-report`;
      }
    }
    res.writeHead(200, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    vars,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
