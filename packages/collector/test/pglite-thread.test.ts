import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteThread } from '../src/store/pglite-thread';
import type { SqlClient } from '../src/store/sql-client';

// PGlite runs in a worker thread (store/pglite-thread.ts): what crosses the thread boundary, and
// what happens when the thread is gone. The flood it exists for is in pglite-flood-cli.test.ts.
describe('PGlite in its own thread', () => {
  let db: SqlClient;
  let worker: Worker;
  beforeAll(async () => {
    db = await openPgliteThread(undefined, (w) => (worker = w));
    await db.query('CREATE TABLE t (id int PRIMARY KEY, at timestamptz, big int8, doc jsonb)');
  }, 120_000);
  afterAll(() => db.close());

  it('returns rows with their types (Date, bigint-sized numbers, parsed JSON)', async () => {
    const rows = await db.query<{ at: Date; big: unknown; doc: unknown }>(
      'INSERT INTO t VALUES (1, $1::timestamptz, 9007199254740993, $2::jsonb) RETURNING at, big, doc',
      ['2026-01-02T03:04:05.678Z', JSON.stringify({ a: [1, 'ü'] })],
    );
    expect(rows[0]!.at).toBeInstanceOf(Date);
    expect(rows[0]!.at.toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(rows[0]!.big).toBe(9007199254740993n);
    expect(rows[0]!.doc).toEqual({ a: [1, 'ü'] });
  });

  it('rejects a failing query with PostgreSQL’s error and code, and keeps serving', async () => {
    await expect(db.query('INSERT INTO t (id) VALUES (1)')).rejects.toMatchObject({
      code: '23505',
      message: expect.stringContaining('duplicate key'),
    });
    expect(await db.query('SELECT count(*)::int AS n FROM t')).toEqual([{ n: 1 }]);
  });

  it('commits a transaction, rolls one back when its callback throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t (id) VALUES (2)');
      // Outside queries wait for the transaction to end; inside, nested calls share it.
      await tx.transaction((inner) => inner.query('INSERT INTO t (id) VALUES (3)'));
    });
    const boom = new Error('boom');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t (id) VALUES (4)');
        throw boom;
      }),
    ).rejects.toBe(boom);
    await expect(
      db.transaction((tx) => tx.query('INSERT INTO t (id) VALUES (1)')),
    ).rejects.toMatchObject({ code: '23505' });
    const ids = await db.query<{ id: number }>('SELECT id FROM t ORDER BY id');
    expect(ids.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('runs concurrent transactions one after another', async () => {
    const order: string[] = [];
    await Promise.all(
      [10, 20].map((base) =>
        db.transaction(async (tx) => {
          order.push(`begin ${base}`);
          await tx.query('INSERT INTO t (id) VALUES ($1)', [base]);
          await tx.query('INSERT INTO t (id) VALUES ($1)', [base + 1]);
          order.push(`end ${base}`);
        }),
      ),
    );
    expect(order).toEqual(['begin 10', 'end 10', 'begin 20', 'end 20']);
  });

  // Last: it kills the thread (one PGlite start fewer; each takes seconds on a loaded box).
  it('when the thread dies: rejects queries in flight and later, closes without hanging', async () => {
    const inFlight = db.query('SELECT pg_sleep(0.5)');
    await worker.terminate();
    await expect(inFlight).rejects.toThrow(/PGlite thread exited/);
    await expect(db.query('SELECT 1')).rejects.toThrow(/PGlite thread exited/);
    await expect(db.transaction((tx) => tx.query('SELECT 1'))).rejects.toThrow(/exited/);
    await db.close();
  });
});

describe('a PGlite thread that cannot start', () => {
  it('fails to open with the reason when PGlite cannot start', async () => {
    await expect(openPgliteThread('/proc/raaye-cannot-write-here')).rejects.toThrow();
  }, 120_000);
});
