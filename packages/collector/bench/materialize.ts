/**
 * Time to open follow-ups for N stored low ratings (default 5,000) with the set-based pass
 * (src/inbox/materialize.ts), on PGlite in memory and, with RAAYE_TEST_DATABASE_URL, on
 * PostgreSQL (each in its own schema, dropped after). Three agents in round-robin plus a
 * by-type rule, as a site would have. On PostgreSQL it also counts commits (pg_stat_database).
 * The step as it was before (one transaction per rating) is src/inbox/materialize.ts at 6c159d3^;
 * the two compared are in docs/benchmarks.md.
 *
 *   node --conditions=@raaye/source --import tsx bench/materialize.ts [ratings]
 */
import postgres from 'postgres';
import { BATCH, materialize } from '../src/inbox/materialize';
import type { InboxSettings } from '../src/inbox/settings';
import { DEFAULT_SETTINGS } from '../src/inbox/settings';
import { memberStore } from '../src/members/member-store';
import { enqueueEvents } from '../src/outbox/enqueue';
import { pgliteStore } from '../src/store/pglite';
import { postgresStore } from '../src/store/postgres';
import type { Store } from '../src/store/types';
import { insertLowRatings } from '../test/_util/low-ratings';

const total = Number(process.argv[2] ?? 5000);
const url = process.env.RAAYE_TEST_DATABASE_URL;
const now = Date.now();
const types = ['ride', 'delivery', 'food', null];

async function run(store: Store, name: string, commits?: () => Promise<number>) {
  const db = store.sql;
  const siteId = `bench${Math.random().toString(36).slice(2, 8)}`;
  const members = [];
  for (const [i, role] of (['owner', 'agent', 'agent', 'agent'] as const).entries()) {
    members.push(
      (await memberStore(db).add(
        siteId,
        { email: `m${i}@bench.example`, name: `m${i}`, role, passwordHash: 'unused' },
        new Date(now).toISOString(),
      ))!,
    );
  }
  const settings: InboxSettings = {
    ...DEFAULT_SETTINGS,
    assignment: {
      mode: 'round-robin',
      byType: { delivery: ['m0@bench.example', 'm1@bench.example'] },
    },
  };
  await insertLowRatings(
    db,
    siteId,
    Array.from({ length: total }, (_, i) => ({ type: types[i % 4]!, replied: false, ageMin: 2 })),
    now,
  );
  // The real emit (enqueueEvents): events into the outbox, in the pass's transaction.
  const before = commits ? await commits() : 0;
  const started = performance.now();
  let passes = 0;
  while ((await materialize(db, siteId, settings, members, enqueueEvents, now)) === BATCH) passes++;
  passes++;
  const ms = performance.now() - started;
  const [{ n }] = (await db.query<{ n: string }>(
    'SELECT count(*)::text AS n FROM raaye_followups WHERE site_id = $1',
    [siteId],
  )) as [{ n: string }];
  const made = commits ? (await commits()) - before : undefined;
  console.log(
    `${name.padEnd(10)} ${total} low ratings: ${Math.round(ms)} ms` +
      ` (${Math.round((Number(n) / ms) * 1000)} follow-ups/s, ${passes} passes` +
      `${made === undefined ? '' : `, ${made} commits in the database`})`,
  );
  if (Number(n) !== total) throw new Error(`${n} follow-ups for ${total} ratings`);
}

console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
const local = await pgliteStore();
await run(local, 'pglite');
await local.close();
if (url) {
  const schema = `raaye_bench_${Math.random().toString(36).slice(2, 8)}`;
  const store = await postgresStore(url, { schema, max: 5 });
  await store.migrate();
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const commits = async () => {
    // Backends report their counts at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await admin`SELECT pg_stat_clear_snapshot()`;
    const [row] =
      await admin`SELECT xact_commit::text AS n FROM pg_stat_database WHERE datname = current_database()`;
    return Number(row!.n);
  };
  try {
    await run(store, 'postgres', commits);
  } finally {
    await store.close();
    await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
