import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectionLimits {
  /** Open connections one peer address may hold; more are closed at once. @default 64 */
  maxPerAddress?: number;
  /** Peers exempt from the cap (trusted proxies carry many clients). */
  exempt?: (address: string) => boolean;
}

/** Whole request (headers and body) within 15 s: the largest body is 64 KiB. */
export const REQUEST_TIMEOUT_MS = 15_000;
/** Headers within 10 s. */
export const HEADERS_TIMEOUT_MS = 10_000;

/**
 * Options for `http.createServer` so slow clients are cut off: Node's defaults (300 s for a
 * request, checked every 30 s) let a trickle of slow bodies hold thousands of descriptors.
 */
export const SERVER_TIMEOUTS = {
  requestTimeout: REQUEST_TIMEOUT_MS,
  headersTimeout: HEADERS_TIMEOUT_MS,
  connectionsCheckingInterval: 1000,
} as const;

/**
 * Caps concurrent connections per peer address, so one client opening thousands of slow
 * connections cannot take every descriptor and `/healthz` (and everyone else) keeps answering.
 */
export function limitConnections(server: Server, limits: ConnectionLimits = {}): void {
  const max = limits.maxPerAddress ?? 64;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    if (limits.exempt?.(address)) return;
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
