import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compactAfterErase, compactionJob, oweCompaction } from '../src/store/erase-compaction';
import { openPgliteClient, pgliteStore } from '../src/store/pglite';
import type { SqlClient } from '../src/store/sql-client';
import { sqlStore } from '../src/store/sql-store';
import { filesContaining, marker } from './_util/data-files';

// An erasure on PGlite owes a compaction (VACUUM FULL and a WAL switch, erase-compaction.ts) that
// takes seconds; it runs in the background, so the erasure answers without waiting for it, and
// the debt is a row written in the erasure's own transaction, so a process that dies before
// compacting leaves it to the next start. The CLI test (erasure-cli.test.ts) greps a running
// collector's files; here the two orders of events are pinned down on a data directory.

const AT = '2026-12-01T12:00:00.000Z';

async function addRating(db: SqlClient, raterId: string, comment: string) {
  await db.query(
    `INSERT INTO raaye_ratings (site_id, id, interaction_id, scale, score, comment, rater_id, source,
       device_created_at, sent_at, received_at, event_time, low)
     VALUES ('shop', $1::uuid, $2, 'stars5', 1, $3, $4, 'web', $5, $5, $5, $5, true)`,
    [crypto.randomUUID(), `order-${raterId}`, comment, raterId, AT],
  );
}

const owedRows = async (db: SqlClient) =>
  (await db.query('SELECT 1 FROM raaye_erase_compaction')).length;

describe('erasure compaction on PGlite', () => {
  const dirs: string[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'raaye-compaction-'));
    dirs.push(dir);
    return join(dir, 'data');
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('the erasure answers before its compaction runs; the job then compacts and clears the debt', async () => {
    const data = dataDir();
    const db = await openPgliteClient(data);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let compactions = 0;
    const job = compactionJob(db, {
      compact: async (d) => {
        await gate;
        await compactAfterErase(d);
        compactions++;
      },
    });
    const store = sqlStore(
      db,
      async () => {
        await job.close();
        await db.close();
      },
      { compaction: job },
    );
    job.start();
    const gone = marker('gone');
    const kept = marker('kept');
    await addRating(db, 'erase-me', gone);
    await addRating(db, 'keep-me', kept);

    // Answered while the compaction is held: the request does not wait for it (an erasure that
    // did would never answer here; 30 s is only how long that is waited for).
    const held = new Promise((resolve) =>
      setTimeout(() => resolve('still waiting for the compaction'), 30_000).unref(),
    );
    expect(await Promise.race([store.eraseRater('shop', 'erase-me'), held])).toEqual({
      ratings: 1,
      owed: 0,
      events: 0,
    });
    expect(compactions).toBe(0);
    expect(await owedRows(db)).toBe(1);

    release();
    await job.kick();
    expect(compactions).toBe(1);
    expect(await owedRows(db)).toBe(0);
    // Nothing owed: a later pass (the timer's) does not rewrite again.
    await job.kick();
    expect(compactions).toBe(1);
    await store.close();
    expect(filesContaining(data, kept).length).toBeGreaterThan(0);
    expect(filesContaining(data, gone)).toEqual([]);
  }, 120_000);

  it('a compaction owed when the process died runs at the next start', async () => {
    const data = dataDir();
    const gone = marker('gone');
    const kept = marker('kept');
    // The erasure commits, then the process dies before its compaction runs.
    const first = await openPgliteClient(data);
    const dying = sqlStore(first, () => first.close(), {
      compaction: { owe: oweCompaction, kick: async () => {} },
    });
    await addRating(first, 'erase-me', gone);
    await addRating(first, 'keep-me', kept);
    expect((await dying.eraseRater('shop', 'erase-me')).ratings).toBe(1);
    await dying.close();
    // Not vacuous: the DELETE alone leaves the erased bytes in the files.
    expect(filesContaining(data, gone).length).toBeGreaterThan(0);

    const next = await pgliteStore(data);
    const deadline = Date.now() + 60_000;
    while ((await owedRows(next.sql)) > 0) {
      if (Date.now() > deadline) throw new Error('the owed compaction did not run');
      await new Promise((r) => setTimeout(r, 100));
    }
    await next.close();
    expect(filesContaining(data, kept).length).toBeGreaterThan(0);
    expect(filesContaining(data, gone)).toEqual([]);
  }, 120_000);
});
