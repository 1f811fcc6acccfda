import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Strict CSP for the demo pages: everything from this origin, nothing inline. */
export const HTML_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";

/**
 * Serves files under `root` for URL paths under `prefix`. Refuses anything that would leave the
 * root: `..` segments, encoded separators, NUL, and symlinks pointing outside.
 * Resolves undefined when there is no such file.
 */
export async function serveStatic(
  root: string,
  prefix: string,
  pathname: string,
): Promise<Response | undefined> {
  if (!pathname.startsWith(prefix)) return undefined;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname.slice(prefix.length));
  } catch {
    return undefined;
  }
  if (rel.includes('\0') || rel.includes('\\') || rel.split('/').some((s) => s === '..')) {
    return undefined;
  }
  const base = resolve(root);
  let file = resolve(join(base, rel));
  if (!inside(base, file)) return undefined;
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const real = await realpath(file);
    if (!inside(await realpath(base), real)) return undefined;
    const body = await readFile(real);
    const type = TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream';
    const headers = new Headers({
      'content-type': type,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-cache',
    });
    if (type.startsWith('text/html')) {
      headers.set('content-security-policy', HTML_CSP);
      headers.set('referrer-policy', 'no-referrer');
    }
    return new Response(body, { status: 200, headers });
  } catch {
    return undefined;
  }
}

function inside(base: string, file: string): boolean {
  const r = relative(base, file);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !r.startsWith(sep));
}
