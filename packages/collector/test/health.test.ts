import { describe, expect, it } from 'vitest';
import { pgliteStore } from '../src/store/pglite';
import { collector, getRequest, site } from './_util/fixtures';

// /healthz on PGlite (routes/health.ts): the thread runs one statement at a time, so the check's
// ping queues behind whatever holds it. Any answer from the thread shows it alive; no answer at
// all while requests wait, for 10 s, is a wedged store. The flood itself is pglite-flood-cli.test.ts.
describe('/healthz on PGlite', () => {
  it('answers at once while a transaction holds the store, 503 once it is wedged, 503 when closed', async () => {
    const store = await pgliteStore();
    const handler = collector(store, [site()]);
    const health = async () => {
      const started = performance.now();
      const res = await handler(getRequest('/healthz'));
      return { status: res.status, body: await res.json(), ms: performance.now() - started };
    };
    expect(await health()).toMatchObject({ status: 200, body: { ok: true } });

    // A transaction that does not end: every statement outside it queues behind it, the ping too.
    let release!: () => void;
    const held = store.sql.transaction(async (tx) => {
      await tx.query('SELECT 1');
      await new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((r) => setTimeout(r, 50));
    const behind = store.sql.query('SELECT 2');
    const busy = await health();
    expect(busy).toMatchObject({ status: 200, body: { ok: true, busy: true } });
    // Not waiting on the queued ping (generous: a loaded box answers a plain call in ~10 ms).
    expect(busy.ms).toBeLessThan(500);

    // Nothing answered for 10 s while requests wait: wedged, and said at once.
    await new Promise((r) => setTimeout(r, 10_500));
    const wedged = await health();
    expect(wedged).toMatchObject({ status: 503, body: { error: { code: 'unavailable' } } });
    expect(wedged.ms).toBeLessThan(500);

    release();
    await held;
    await behind;
    expect(await health()).toMatchObject({ status: 200 });

    await store.close();
    expect((await health()).status).toBe(503);
  }, 120_000);
});
