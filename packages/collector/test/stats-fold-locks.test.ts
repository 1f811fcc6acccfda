import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresStore } from '../src/store/postgres';
import type { SqlClient } from '../src/store/sql-client';
import { foldStats } from '../src/store/stats-fold';
import { DATABASE_URL } from './_util/stores';

// Three closed days and the fold's "today".
const DAY_A = '2026-11-20T10:00:00Z';
const DAY_B = '2026-11-21T10:00:00Z';
const TODAY = '2026-11-23';

const INSERT = `INSERT INTO raaye_ratings (site_id, id, interaction_id, scale, score, rater_id,
    source, device_created_at, sent_at, received_at, event_time, low)
  VALUES ('s', gen_random_uuid(), $1, 'stars5', 4, $2, 'web', $3::timestamptz, $3::timestamptz,
    $3::timestamptz, $3::timestamptz, false)`;

const COUNTS = `SELECT day::text AS day, sum(n)::int AS n FROM raaye_stats_daily
  WHERE site_id = 's' GROUP BY day ORDER BY day`;

// The fold on one dedicated connection, whose backend the test watches.
const asClient = (sql: postgres.Sql) =>
  ({
    query: (text: string, params?: unknown[]) => sql.unsafe(text, params as never[]),
  }) as unknown as SqlClient;

/**
 * PostgreSQL only: PGlite has one connection, so no lock is ever waited for there (its writers'
 * slot is checked in stats-rollup.property.test.ts). The interleaving of the review finding, step by step on real connections: a writer's
 * transaction touches day B's counter, then day A's, in two statements (a verified rating's
 * displacement and insert do that), while a fold runs in between. The fold used to wait for the
 * writer's day-B counter while holding day A's, and the writer then waited for day A's:
 * PostgreSQL aborted one of them (40P01). The writer here is a backend whose pid % 16 is 0,
 * which version 60 of the triggers put in the fold's own slot 0.
 */
describe.skipIf(!DATABASE_URL)('stats fold against a two-statement writer on postgres', () => {
  const url = DATABASE_URL!;
  const schema = `raaye_fold_${Math.random().toString(36).slice(2, 10)}`;
  const opened: postgres.Sql[] = [];
  const connect = () => {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { search_path: schema } });
    opened.push(sql);
    return sql;
  };

  beforeAll(async () => {
    const store = await postgresStore(url, { schema, max: 1 });
    await store.close();
  });
  afterAll(async () => {
    await Promise.all(opened.map((sql) => sql.end()));
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  it('neither the fold nor the writer aborts, and every count is kept', async () => {
    // Backend pids are handed out in sequence: one of a few dozen connections has pid % 16 = 0.
    let writer = connect();
    for (let i = 0; i < 64; i++) {
      const [{ pid }] = await writer<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
      if (pid % 16 === 0) break;
      writer = connect();
    }
    const other = connect();
    const folder = connect();
    const [{ pid: folderPid }] = await folder<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;

    // Unfolded counters of both days in two slots, committed.
    for (const [sql, rater] of [
      [other, 'o'],
      [writer, 'w'],
    ] as const) {
      await sql.unsafe(INSERT, ['a1', rater, DAY_A]);
      await sql.unsafe(INSERT, ['b1', rater, DAY_B]);
    }
    await writer.unsafe(INSERT, ['b2', 'w', DAY_B]);
    const slots = await other`SELECT DISTINCT slot FROM raaye_stats_daily`;
    expect(slots.map((r) => Number(r.slot))).not.toContain(0);

    const outcome = await writer.begin(async (tx) => {
      await tx.unsafe("DELETE FROM raaye_ratings WHERE interaction_id = 'b2'");
      const fold = foldStats(asClient(folder), TODAY).then(
        () => 'folded',
        (e: { code?: string }) => `fold failed ${e.code}`,
      );
      // Until the fold is done, or waits for a lock (the writer's day-B counter).
      for (let t = 0; t < 200; t++) {
        const settled = await Promise.race([fold, new Promise((r) => setTimeout(r, 50, false))]);
        if (settled) break;
        const [waiting] = await other`SELECT 1 FROM pg_stat_activity
          WHERE pid = ${folderPid} AND wait_event_type = 'Lock'`;
        if (waiting) break;
      }
      await tx.unsafe(INSERT, ['a2', 'w', DAY_A]);
      return fold;
    });
    expect(outcome).toBe('folded');

    await foldStats(asClient(folder), TODAY);
    expect(await other.unsafe(COUNTS)).toEqual([
      { day: '2026-11-20', n: 3 },
      { day: '2026-11-21', n: 2 },
    ]);
    const [{ n }] = await other<
      [{ n: number }]
    >`SELECT count(*)::int AS n FROM raaye_stats_daily WHERE slot <> 0`;
    expect(n).toBe(0);
  }, 60_000);
});
