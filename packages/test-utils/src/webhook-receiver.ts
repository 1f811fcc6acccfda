import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface VerifiedWebhook {
  /** The `webhook-id` header: the event's id, the same on every retry. */
  id: string;
  /** The payload, once `standardwebhooks` verified its signature and timestamp. */
  payload: { type: string; data: Record<string, unknown> } & Record<string, unknown>;
}

/**
 * A real HTTP endpoint on 127.0.0.1 that accepts only what verifies under the Standard Webhooks
 * spec's own library with `secret` (401 otherwise, which the collector would retry), and keeps it.
 */
export async function startWebhookReceiver(secret: string) {
  const verifier = new Webhook(secret);
  const received: VerifiedWebhook[] = [];
  const rejected: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const payload = verifier.verify(body, req.headers as Record<string, string>);
        received.push({
          id: String(req.headers['webhook-id']),
          payload: payload as VerifiedWebhook['payload'],
        });
        res.writeHead(204).end();
      } catch (error) {
        rejected.push(String(error));
        res.writeHead(401).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    rejected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
