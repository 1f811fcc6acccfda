import { Worker } from 'node:worker_threads';
import type { PgliteReply, PgliteRequest, PgliteStarted } from './pglite-protocol';
import { unflatten } from './pglite-protocol';
import type { Progress, SqlClient } from './sql-client';

// PGlite is PostgreSQL compiled to WASM: a query runs synchronously on the thread that calls it,
// and queued queries follow one another through promise callbacks without yielding to timers or
// sockets. On the main thread, a flood of 20,000 low ratings stalled the event loop for up to
// 80 s at a time (1,600+ queries back to back, single statements of up to 6 s), so /healthz,
// ingest and deliveries all waited. In a worker thread the main loop stays free, and HTTP
// parsing and validation run on the other core meanwhile. PGlite's own worker
// (`@electric-sql/pglite/worker`) is for browsers: it elects a leader tab with navigator.locks
// and BroadcastChannel; this protocol is the few messages the SqlClient needs.

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type Request = PgliteRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** The worker's file beside this module: run through tsx from source (tests, benches). */
function workerUrl(): URL {
  // A variable, so that bundlers leave the URL alone: the build emits the worker as its own entry.
  const file = import.meta.url.endsWith('.ts')
    ? './pglite-worker-source.mjs'
    : './pglite-worker.js';
  return new URL(file, import.meta.url);
}

/**
 * PGlite on `dir` (in memory when undefined), in its own thread, as a SqlClient. Resolves once
 * the database is open. A query that fails rejects with PGlite's error (its SQLSTATE `code` and
 * the rest kept); if the thread dies, every query in flight and every later one rejects.
 */
export async function openPgliteThread(
  dir: string | undefined,
  /** @internal Tests: the thread, to kill it. */
  onWorker?: (worker: Worker) => void,
): Promise<SqlClient> {
  const worker = new Worker(workerUrl(), { workerData: { dir } });
  onWorker?.(worker);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  // Liveness (progress()): the thread's last answer, and when it last went from idle to busy.
  let answeredAt = 0;
  let busySince = 0;
  let dead: Error | undefined;
  let closing = false;

  const started = new Promise<void>((resolve, reject) => {
    worker.once('message', (message: PgliteStarted) => {
      if (message.started) resolve();
      else reject(unflatten(message.error));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the PGlite thread exited with code ${code}`)));
  });

  worker.on('message', (reply: PgliteReply | PgliteStarted) => {
    if (!('id' in reply)) return;
    answeredAt = Date.now();
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    // Idle, the thread must not keep the process alive (a caller that never closes the store
    // exited before PGlite moved to a thread, and still does).
    if (pending.size === 0) worker.unref();
    if ('error' in reply) waiting.reject(unflatten(reply.error));
    else waiting.resolve(reply.value);
  });
  const die = (error: Error) => {
    dead ??= error;
    for (const waiting of pending.values()) waiting.reject(dead);
    pending.clear();
  };
  worker.on('error', (error) => die(error));
  worker.on('exit', (code) => die(new Error(`the PGlite thread exited with code ${code}`)));

  const send = (request: Request): Promise<unknown> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      if (pending.size === 0) busySince = Date.now();
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  };

  const progress = (): Progress => {
    const waiting = pending.size;
    const quietSince = Math.max(answeredAt, busySince);
    const stalledMs = waiting === 0 ? 0 : Date.now() - quietSince;
    return { waiting, answeredAt, stalledMs, down: dead !== undefined };
  };

  const client = (tx?: number): SqlClient => ({
    progress,
    async query<T>(text: string, params: unknown[] = []) {
      return (await send({
        op: 'query',
        text,
        params,
        ...(tx === undefined ? {} : { tx }),
      })) as T[];
    },
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (tx !== undefined) return fn(this);
      const id = (await send({ op: 'begin' })) as number;
      let result: T;
      try {
        result = await fn(client(id));
      } catch (error) {
        // The caller's error is the one to hear; a failed rollback (dead thread) adds nothing.
        await send({ op: 'rollback', tx: id }).catch(() => {});
        throw error;
      }
      await send({ op: 'commit', tx: id });
      return result;
    },
    async close() {
      if (tx !== undefined || closing) return;
      closing = true;
      try {
        if (!dead) await send({ op: 'close' });
      } finally {
        dead ??= new Error('PGlite is closed');
        await worker.terminate();
      }
    },
  });

  try {
    await started;
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  worker.unref();
  return client();
}
