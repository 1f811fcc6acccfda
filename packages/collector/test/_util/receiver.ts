import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1:0 that records requests and counts open sockets (the peak
 * shows whether the worker kept to its limit). `respond` decides each answer; it may never answer.
 */
export async function startReceiver(
  respond: (req: Received, res: ServerResponse) => void = (_req, res) => res.writeHead(204).end(),
) {
  const received: Received[] = [];
  let open = 0;
  let peak = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const r = { path: req.url ?? '/', headers: req.headers, body };
      received.push(r);
      respond(r, res);
    });
  });
  server.on('connection', (socket) => {
    open++;
    peak = Math.max(peak, open);
    // Counted until the client lets go (FIN) or it closes: a killed client's socket may linger
    // here while a slow answer is pending, but the client no longer holds it.
    let counted = true;
    const release = () => {
      if (counted) open--;
      counted = false;
    };
    socket.once('end', release);
    socket.once('close', release);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    peak: () => peak,
    open: () => open,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Polls `check` until it is true (generous for a loaded machine); throws with `what` if not. */
export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
