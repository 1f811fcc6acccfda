/**
 * The PGlite thread: owns the database and runs the collector's queries, one at a time, in the
 * order they arrive (PGlite's own mutexes order them: a query outside a transaction waits for the
 * open transaction to end). Started by pglite-thread.ts with `workerData: { dir }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import {
  flatten,
  type PgliteReply,
  type PgliteRequest,
  type PgliteStarted,
} from './pglite-protocol';

type Ending = { op: 'commit' | 'rollback'; id: number };

const port = parentPort!;
const { dir } = workerData as { dir: string | undefined };
const post = (message: PgliteReply | PgliteStarted) => port.postMessage(message);
const fail = (id: number, error: unknown) => post({ id, error: flatten(error) });

/** Open transactions by id, each waiting for its commit or rollback. */
const open = new Map<number, { tx: Transaction; end: (ending: Ending) => void }>();

function begin(db: PGlite, id: number): void {
  let end!: (ending: Ending) => void;
  const ending = new Promise<Ending>((resolve) => (end = resolve));
  let begun = false;
  db.transaction(async (tx) => {
    open.set(id, { tx, end });
    begun = true;
    post({ id, value: id });
    if ((await ending).op === 'rollback') await tx.rollback();
  }).then(
    async () => {
      open.delete(id);
      post({ id: (await ending).id });
    },
    async (error) => {
      open.delete(id);
      // BEGIN itself failed: the begin request hears it. Otherwise COMMIT (or ROLLBACK) did.
      fail(begun ? (await ending).id : id, error);
    },
  );
}

async function query(db: PGlite, request: Extract<PgliteRequest, { op: 'query' }>) {
  const on = request.tx === undefined ? db : open.get(request.tx)?.tx;
  if (!on) throw new Error(`transaction ${request.tx} is not open`);
  return (await on.query(request.text, request.params)).rows;
}

let db: PGlite;
try {
  db = await PGlite.create(dir);
  post({ started: true });
} catch (error) {
  post({ started: false, error: flatten(error) });
  process.exit(1);
}

port.on('message', (request: PgliteRequest) => {
  switch (request.op) {
    case 'query':
      query(db, request).then(
        (value) => post({ id: request.id, value }),
        (error) => fail(request.id, error),
      );
      return;
    case 'begin':
      begin(db, request.id);
      return;
    case 'commit':
    case 'rollback': {
      const transaction = open.get(request.tx);
      if (transaction) transaction.end({ op: request.op, id: request.id });
      else fail(request.id, new Error(`transaction ${request.tx} is not open`));
      return;
    }
    case 'close':
      db.close().then(
        () => post({ id: request.id }),
        (error) => fail(request.id, error),
      );
      return;
  }
});
