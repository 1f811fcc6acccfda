import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { REPO_ROOT } from './collector';

const SDK = join(REPO_ROOT, 'packages/widget/dist');

export interface WidgetPage {
  /** Written at once; `body` follows after `delayMs` (a server-rendered page that streams). */
  head: string;
  body?: string;
  delayMs?: number;
}

export interface WidgetServer {
  origin: string;
  /** Pages by path, set by each test; `/sdk/*` serves the built widget. */
  pages: Map<string, WidgetPage>;
  /** Milliseconds to hold a `/sdk/` file back, by file name (a pack that arrives late). */
  slow: Map<string, number>;
  close(): Promise<void>;
}

/** A page server for the widget's own e2e tests: streamed bodies and late files, no collector. */
export async function startWidgetServer(): Promise<WidgetServer> {
  const pages = new Map<string, WidgetPage>();
  const slow = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path.startsWith('/sdk/')) {
      const file = normalize(join(SDK, path.slice(5)));
      let body: Buffer;
      try {
        if (!file.startsWith(SDK)) throw new Error('outside');
        body = readFileSync(file);
      } catch {
        return void res.writeHead(404).end();
      }
      const send = () =>
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(body);
      const wait = slow.get(path.slice(5));
      return void (wait ? setTimeout(send, wait) : send());
    }
    if (path === '/avatar.svg') {
      // A picture of who is rated, same origin (the widget takes https: or relative URLs only).
      return void res
        .writeHead(200, { 'content-type': 'image/svg+xml' })
        .end(
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#7b8ca8"/><circle cx="32" cy="25" r="12" fill="#e8d2b8"/><path d="M10 64c2-14 12-20 22-20s20 6 22 20z" fill="#2f3d52"/></svg>',
        );
    }
    const page = pages.get(path);
    if (!page) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(`<!doctype html><html${page.head}`);
    const end = () => res.end(page.body ?? '');
    if (page.delayMs) setTimeout(end, page.delayMs);
    else end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    origin: `http://127.0.0.1:${port}`,
    pages,
    slow,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The README snippet plus an event log the tests read (`window.__ev`). */
export const SNIPPET = `<script>window.raaye=window.raaye||function(){(raaye.q=raaye.q||[]).push(arguments)};
window.__ev=[];for(const e of ['shown','submitted','error','skipped'])raaye('on',e,p=>__ev.push([e,p.interactionId||p.code]));</script>`;

/** The script tag as documented; the endpoint is never reached (ratings wait in IndexedDB). */
export const TAG = (extra = '') =>
  `<script async src="/sdk/raaye.js" data-site-key="pk_e2e" data-endpoint="http://127.0.0.1:9" ${extra}></script>`;
