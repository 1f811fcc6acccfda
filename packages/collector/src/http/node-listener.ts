import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestInfo } from './handler';
import { LEAN_INGEST, leanEligible, leanRequest, readSmallBody } from './lean-request';
import { jsonTextOf } from './respond';

export type FetchHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

/**
 * Adapts a Fetch handler to `node:http` / Express `(req, res)`. The socket address is passed on
 * as `info.clientAddress` for rate limiting; the body is streamed in both directions.
 */
export function toNodeListener(handler: FetchHandler) {
  const lean = (handler as { [LEAN_INGEST]?: boolean })[LEAN_INGEST] === true;
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (lean && leanEligible(req)) void serveLean(handler, req, res);
    else void serve(handler, req, res);
  };
}

/** Small rating POSTs to the collector: no Fetch `Request`, no body stream (lean-request.ts). */
async function serveLean(handler: FetchHandler, req: IncomingMessage, res: ServerResponse) {
  const body = await readSmallBody(req);
  if (body === undefined) return; // the client went away mid-body: nobody to answer
  try {
    const response = await handler(leanRequest(req, body), {
      clientAddress: req.socket.remoteAddress,
    });
    await writeResponse(response, res);
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"error":{"code":"internal_error","message":"internal error"}}');
    } else res.destroy();
  }
}

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse) {
  let request: Request;
  try {
    request = toRequest(req);
  } catch {
    // Methods the Fetch API forbids (CONNECT, TRACE, TRACK) cannot become a Request at all.
    res.writeHead(405, { 'content-type': 'application/json; charset=utf-8' });
    res.end('{"error":{"code":"method_not_allowed","message":"method not allowed"}}');
    drain(req);
    return;
  }
  try {
    const response = await handler(request, { clientAddress: req.socket.remoteAddress });
    await writeResponse(response, res);
    // Answered before reading the whole body (413 on Content-Length, 401, …): discard the rest.
    drain(req);
  } catch {
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"error":{"code":"internal_error","message":"internal error"}}');
    } else res.destroy();
  }
}

function toRequest(req: IncomingMessage): Request {
  // The host header is client-controlled: only use it when it parses, for the URL's origin part.
  let url: URL;
  try {
    url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
  } catch {
    url = new URL('http://localhost/');
    url.pathname = '/__invalid__';
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const controller = new AbortController();
  req.on('close', () => {
    if (!req.complete) controller.abort();
  });
  return new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: bodyStream(req), duplex: 'half' } : {}),
  } as RequestInit);
}

const DRAIN_LIMIT = 1 << 20;

/**
 * The request body as a web stream with backpressure. Cancelling it (the collector stops at the
 * size cap) drains the rest instead of destroying the socket, so the client reads the 413
 * rather than a connection reset; past 1 MiB the socket is cut after all.
 */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => controller.close());
        req.once('error', (error) => controller.error(error));
      },
      pull() {
        req.resume();
      },
      cancel() {
        drain(req);
      },
    },
    { highWaterMark: 65_536, size: (chunk) => chunk.byteLength },
  );
}

function drain(req: IncomingMessage): void {
  if (req.complete || req.destroyed) return;
  req.removeAllListeners('data');
  req.removeAllListeners('end');
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.byteLength;
    if (drained > DRAIN_LIMIT) req.destroy();
  });
  req.resume();
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of response.headers) {
    const prev = headers[name];
    headers[name] = prev === undefined ? value : ([] as string[]).concat(prev, value);
  }
  // JSON answers made by `json()` are written from their text: no reader over a body stream.
  const text = jsonTextOf(response);
  if (text !== undefined) {
    headers['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(response.status, headers);
    res.end(text);
    return;
  }
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.on('close', () => {
    if (!res.writableFinished) void reader.cancel().catch(() => {});
  });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await drainedOrClosed(res);
    if (res.destroyed) return;
  }
  res.end();
}

/**
 * Waits for `drain`, or `close` (a client that went away never drains), and removes whichever
 * listener did not fire: a long export under backpressure would otherwise add one per write.
 */
function drainedOrClosed(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
