import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';

/**
 * The lean lane of `toNodeListener`: a rating POST with a small declared body is read into one
 * buffer and handed to the collector as a `Request`-shaped object instead of a real `Request`
 * with a web-stream body. Building those (URL, Headers, AbortController, ReadableStream, the
 * WebIDL checks of undici's `Request`) was about a quarter of the collector's CPU per
 * single-rating request (issue 16). Only the collector's ingest route receives it, and it reads
 * only what is implemented here (`method`, `url`, `headers.get/has`, `body.getReader()`,
 * `signal.aborted`); test/lean-lane.test.ts checks its answers equal the Fetch lane's.
 * The collector stays a Fetch handler for everyone else.
 */

/** Marks a Fetch handler (the collector, or the CLI's router in front of it) as lean-capable. */
export const LEAN_INGEST = Symbol.for('raaye.leanIngest');

/** The same cap as the contract's body limit: larger bodies take the streaming Fetch lane. */
const LEAN_MAX_BYTES = 65_536;

/** Whether this request may take the lean lane: a POST to an ingest path with a small body. */
export function leanEligible(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const length = req.headers['content-length'];
  if (length === undefined || req.headers['transfer-encoding'] !== undefined) return false;
  const bytes = Number(length);
  if (!(bytes >= 0 && bytes <= LEAN_MAX_BYTES)) return false;
  const url = req.url ?? '';
  const query = url.indexOf('?');
  return (query === -1 ? url : url.slice(0, query)).endsWith('/v1/ratings');
}

/** Reads the whole (small, declared-length) body; undefined if the client went away first. */
export function readSmallBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once('error', () => resolve(undefined));
    req.once('close', () => {
      if (!req.complete) resolve(undefined);
    });
  });
}

const NOT_ABORTED = Object.freeze({ aborted: false });

/** A `Request` as far as the ingest route reads one, over the already-read body. */
export function leanRequest(req: IncomingMessage, body: Buffer): Request {
  const headers = req.headers;
  return {
    method: 'POST',
    url: requestUrl(req),
    headers: {
      get: (name: string) => header(headers, name),
      has: (name: string) => header(headers, name) !== null,
    },
    body: {
      getReader() {
        let done = false;
        return {
          async read() {
            if (done) return { done: true, value: undefined };
            done = true;
            return {
              done: false,
              value: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
            };
          },
          async cancel() {},
        };
      },
    },
    signal: NOT_ABORTED,
  } as unknown as Request;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Same rule as the Fetch lane: the client-controlled host is used only when it parses. */
export function requestUrl(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`).href;
  } catch {
    return 'http://localhost/__invalid__';
  }
}
