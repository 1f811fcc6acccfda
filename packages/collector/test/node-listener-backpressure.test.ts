import { createServer, get, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { toNodeListener } from '../src/http/node-listener';

describe('toNodeListener() under backpressure', () => {
  it('keeps one close listener per response however many writes wait for drain', async () => {
    const chunk = new Uint8Array(256 * 1024);
    const chunks = 64;
    let res: ServerResponse | undefined;
    let maxCloseListeners = 0;
    const listener = toNodeListener(async () => {
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (res) maxCloseListeners = Math.max(maxCloseListeners, res.listenerCount('close'));
          if (sent++ === chunks) controller.close();
          else controller.enqueue(chunk);
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/octet-stream' } });
    });
    const server = createServer((req, r) => {
      res = r;
      listener(req, r);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      // A slow reader: pauses after every chunk so the server meets backpressure again and again.
      const received = await new Promise<number>((resolve, reject) => {
        get(`http://127.0.0.1:${port}/`, (response) => {
          let bytes = 0;
          response.on('data', (data: Buffer) => {
            bytes += data.byteLength;
            response.pause();
            setTimeout(() => response.resume(), 1);
          });
          response.on('end', () => resolve(bytes));
          response.on('error', reject);
        }).on('error', reject);
      });
      expect(received).toBe(chunk.byteLength * chunks);
      // Node's own listeners plus ours; before the fix this grew by one per write that waited.
      expect(maxCloseListeners).toBeGreaterThan(0);
      expect(maxCloseListeners).toBeLessThan(6);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
