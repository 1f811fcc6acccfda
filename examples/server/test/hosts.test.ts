import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The examples read their site from the environment, as they would in production.
process.env.RAAYE_SITE_KEY = 'pk_example';
process.env.RAAYE_SECRET_KEY = 'sk_example';
process.env.RAAYE_ALLOWED_ORIGINS = 'https://shop.example.com';
delete process.env.DATABASE_URL; // embedded PGlite, in memory

const rating = (interactionId: string) => ({
  id: crypto.randomUUID().replace(/^(.{14})./, '$17'),
  interactionId,
  scale: 'stars5',
  score: 2,
  raterId: 'rater-1',
  source: 'web',
  createdAt: new Date().toISOString(),
});

const post = (base: string, interactionId: string) =>
  new Request(`${base}/raaye/v1/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain;charset=UTF-8', origin: 'https://shop.example.com' },
    body: JSON.stringify({
      siteKey: 'pk_example',
      sentAt: new Date().toISOString(),
      ratings: [rating(interactionId)],
    }),
  });

const stats = (base: string) =>
  new Request(`${base}/raaye/v1/stats`, { headers: { authorization: 'Bearer sk_example' } });

async function expectStored(send: (r: Request) => Promise<Response>, base: string) {
  const response = await send(post(base, 'order-1'));
  expect(response.status).toBe(200);
  expect(((await response.json()) as { results: Array<{ status: string }> }).results).toEqual([
    expect.objectContaining({ status: 'accepted' }),
  ]);
  expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
  const body = (await (await send(stats(base))).json()) as { count: number };
  expect(body.count).toBe(1);
}

describe('the collector mounted in each host of examples/server', () => {
  it('Hono: app.fetch, as Bun, Deno and Workers call it', async () => {
    const { default: app } = await import('../hono');
    await expectStored((r) => Promise.resolve(app.fetch(r)), 'http://host.test');
  });

  it('Next.js: the App Router route handler, as Next calls it', async () => {
    const route = await import('../next/app/raaye/[...path]/route');
    await expectStored(
      (r) => (r.method === 'POST' ? route.POST(r) : route.GET(r)),
      'http://host.test',
    );
  });

  describe('Express (a real server)', () => {
    let child: ChildProcess;
    let base = '';
    beforeAll(async () => {
      child = spawn(process.execPath, [join(import.meta.dirname, '..', 'express.mjs')], {
        env: { ...process.env, PORT: '0' }, // any free port; the example prints the one it got
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          const url = /listening on (http:\/\/[\d.:]+)\/raaye/.exec(chunk.toString())?.[1];
          if (url) {
            base = url;
            resolve();
          }
        });
        child.once('exit', (code) => reject(new Error(`express.mjs exited with ${code}`)));
      });
    }, 60_000);
    afterAll(() => {
      child?.kill('SIGTERM');
    });

    it('accepts a rating and serves stats through app.use', async () => {
      await expectStored((r) => fetch(r), base);
    });
  });
});
