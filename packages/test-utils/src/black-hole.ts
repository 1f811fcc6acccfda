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
  /** Connections open to the hole now, and the most at once. */
  readonly sockets: number;
  readonly peakSockets: number;
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
  const open = new Set<Socket>();
  const hole = createServer((socket) => {
    open.add(socket);
    peakSockets = Math.max(peakSockets, open.size);
    socket.on('data', () => received++); // read and never answer
    socket.on('error', () => {});
    socket.once('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => hole.listen(0, '127.0.0.1', resolve));
  const { port } = hole.address() as { port: number };
  const siteKey = `pk_${o.id}`;
  const limit = { burst: 1e6, perSecond: 1e6 };
  const config = join(o.dir, 'raaye.json');
  writeFileSync(
    config,
    JSON.stringify({
      ...(o.delivery ? { delivery: o.delivery } : {}),
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
  return {
    config,
    siteKey,
    get received() {
      return received;
    },
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
