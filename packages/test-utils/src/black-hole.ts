import { writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';

export interface BlackHoleSite {
  /** The collector config file (in `dir`): the one site, its only destination the black hole. */
  config: string;
  /** `pk_<id>`. */
  siteKey: string;
  /** Chunks the hole has read: attempts that reached it (none is ever answered). */
  readonly received: number;
  /** `performance.now()` when the first attempt connected; undefined before. */
  readonly firstConnectAt: number | undefined;
  /** The `webhook-id` of each attempt that reached the hole, in arrival order. */
  readonly eventIds: readonly string[];
  /** Connections open to the hole now, and the most at once. */
  readonly sockets: number;
  readonly peakSockets: number;
  /** Writes another config file in `dir` for the same site with this `delivery` block. */
  configWith(delivery: Record<string, unknown>, name: string): string;
  /** Destroys the open connections and stops listening. */
  close(): void;
}

export interface BlackHoleOptions {
  /** Where the config file goes (the caller owns and removes it). */
  dir: string;
  /** The site's id; its site key is `pk_<id>`. */
  id: string;
  secretKey: string;
  /** The config's `delivery` block (e.g. `{ timeoutMs }`), if any. */
  delivery?: Record<string, unknown>;
}

/**
 * Issue 12's setup: a site whose webhook points at a black hole (on 127.0.0.1, accepts TCP,
 * reads and never answers, so every delivery hangs until the collector's timeout), with rate
 * limits out of the way for a flood. The shutdown and flood tests and bench/outbox-flood.ts start
 * the collector CLI on `config`.
 */
export async function startBlackHoleSite(o: BlackHoleOptions): Promise<BlackHoleSite> {
  let received = 0;
  let peakSockets = 0;
  let firstConnectAt: number | undefined;
  const eventIds: string[] = [];
  const open = new Set<Socket>();
  const hole = createServer((socket) => {
    firstConnectAt ??= performance.now();
    open.add(socket);
    peakSockets = Math.max(peakSockets, open.size);
    // read and never answer (a request's head arrives in its first chunk)
    socket.on('data', (chunk: Buffer) => {
      received++;
      const id = /^webhook-id: *(\S+)/im.exec(chunk.toString('latin1'))?.[1];
      if (id) eventIds.push(id);
    });
    socket.on('error', () => {});
    socket.once('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
  const { port } = hole.address() as { port: number };
  const siteKey = `pk_${o.id}`;
  const limit = { burst: 1e6, perSecond: 1e6 };
  const configWith = (delivery: Record<string, unknown> | undefined, name: string) => {
    const file = join(o.dir, name);
    writeFileSync(
      file,
      JSON.stringify({
        ...(delivery ? { delivery } : {}),
        sites: [
          {
            id: o.id,
            siteKey,
            secretKey: o.secretKey,
            allowedOrigins: [],
            limits: { site: limit, client: limit },
            destinations: [
              {
                id: 'hole',
                kind: 'webhook',
                url: `http://127.0.0.1:${port}/hook`,
                secret: `${o.id}-secret-0123456789`,
              },
            ],
          },
        ],
      }),
    );
    return file;
  };
  const config = configWith(o.delivery, 'raaye.json');
  return {
    config,
    siteKey,
    get received() {
      return received;
    },
    get firstConnectAt() {
      return firstConnectAt;
    },
    get eventIds() {
      return eventIds;
    },
    configWith,
    get sockets() {
      return open.size;
    },
    get peakSockets() {
      return peakSockets;
    },
    close() {
      for (const socket of open) socket.destroy();
      hole.close();
    },
  };
}
