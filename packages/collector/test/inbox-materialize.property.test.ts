// The follow-up step opens a pass's follow-ups with a few set-based statements; assignment turns
// are computed in memory. Checked against the step as it was (one transaction per rating, kept in
// _util/materialize-one-by-one.ts): the same follow-ups, owners, activity, events, turn and mark,
// for random teams, rules, interaction types and replied ratings; and two collector processes on
// one PostgreSQL give exactly the one-process result.
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxEvent } from '../src/inbox/events';
import { BATCH, materialize } from '../src/inbox/materialize';
import { DEFAULT_SETTINGS, type InboxSettings } from '../src/inbox/settings';
import { type Member, memberStore } from '../src/members/member-store';
import { postgresStore } from '../src/store/postgres';
import type { SqlClient } from '../src/store/sql-client';
import type { Store } from '../src/store/types';
import { insertLowRatings, type LowRating } from './_util/low-ratings';
import { materializeOneByOne } from './_util/materialize-one-by-one';
import { DATABASE_URL, storeCases } from './_util/stores';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const TYPES = ['ride', 'delivery', 'food', null] as const;
type Role = 'owner' | 'agent' | 'viewer';

interface Case {
  roles: Role[];
  mode: 'round-robin' | 'none';
  /** Per type, indexes into the team (the by-type rule's list). */
  byType: Partial<Record<'ride' | 'delivery' | 'food', number[]>>;
  /** Index of the member who took the last turn, or none. */
  lastTurn: number | null;
  ratings: LowRating[];
}

let sites = 0;

async function seed(db: SqlClient, c: Case) {
  const siteId = `mat${++sites}${Math.random().toString(36).slice(2, 6)}`;
  const members: Member[] = [];
  for (const [i, role] of c.roles.entries()) {
    const m = await memberStore(db).add(
      siteId,
      { email: `m${i}@team.example`, name: `m${i}`, role, passwordHash: 'unused' },
      new Date(NOW - 86_400_000).toISOString(),
    );
    members.push(m!);
  }
  const byType = Object.fromEntries(
    Object.entries(c.byType).map(([type, idx]) => [type, idx.map((i) => `m${i}@team.example`)]),
  );
  const settings: InboxSettings = {
    ...DEFAULT_SETTINGS,
    businessHours: { timeZone: 'Asia/Karachi', days: { mon: '09:00-17:00', tue: '09:00-17:00' } },
    assignment: { mode: c.mode, byType },
  };
  const last = c.lastTurn === null ? null : (members[c.lastTurn % members.length]?.id ?? null);
  await db.query(
    `INSERT INTO raaye_inbox_settings (site_id, settings, round_robin_last, updated_at)
     VALUES ($1, $2::text::jsonb, $3::uuid, $4::timestamptz)`,
    [siteId, JSON.stringify(settings), last, new Date(NOW).toISOString()],
  );
  await insertLowRatings(db, siteId, c.ratings, NOW);
  return { siteId, members, settings, last };
}

/** Everything the step writes for a site, in a form two runs can be compared by. */
async function snapshot(db: SqlClient, siteId: string, events: InboxEvent[]) {
  const followUps = await db.query(
    `SELECT rating_id::text AS rating_id, status, assignee_id::text AS assignee_id,
       opened_at::text AS opened_at, warn_at::text AS warn_at, due_at::text AS due_at,
       first_reply_at::text AS first_reply_at, updated_at::text AS updated_at
     FROM raaye_followups WHERE site_id = $1 ORDER BY rating_id`,
    [siteId],
  );
  const activity = await db.query(
    `SELECT rating_id::text AS rating_id, actor_kind, actor_id, actor_name, action,
       detail::text AS detail, at::text AS at
     FROM raaye_activity WHERE site_id = $1 ORDER BY rating_id, seq`,
    [siteId],
  );
  const [turn] = await db.query(
    `SELECT round_robin_last::text AS last, materialized_seq::text AS mark
     FROM raaye_inbox_settings WHERE site_id = $1`,
    [siteId],
  );
  return { followUps, activity, turn, events: JSON.parse(JSON.stringify(events)) };
}

async function reset(db: SqlClient, siteId: string, last: string | null) {
  await db.query('DELETE FROM raaye_activity WHERE site_id = $1', [siteId]);
  await db.query('DELETE FROM raaye_followups WHERE site_id = $1', [siteId]);
  await db.query(
    `UPDATE raaye_inbox_settings SET round_robin_last = $2::uuid, materialized_seq = 0
     WHERE site_id = $1`,
    [siteId, last],
  );
}

const collect = (into: InboxEvent[]) => async (_tx: SqlClient, _site: string, list: InboxEvent[]) =>
  void into.push(...list);

/** The reference run, then a reset, then the set-based run: both snapshots. */
async function bothWays(db: SqlClient, c: Case) {
  const { siteId, members, settings, last } = await seed(db, c);
  const before: InboxEvent[] = [];
  while ((await materializeOneByOne(db, siteId, settings, members, collect(before), NOW)) > 0);
  const reference = await snapshot(db, siteId, before);
  await reset(db, siteId, last);
  const after: InboxEvent[] = [];
  while ((await materialize(db, siteId, settings, members, collect(after), NOW)) === BATCH);
  // One more pass finds nothing left to do.
  expect(await materialize(db, siteId, settings, members, collect(after), NOW)).toBe(0);
  return { reference, batched: await snapshot(db, siteId, after), siteId, members, settings, last };
}

const lowRating = fc.record({
  type: fc.constantFrom(...TYPES),
  replied: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  ageMin: fc.integer({ min: 0, max: 5 }),
});

const teamCase = (maxRatings: number) =>
  fc
    .record({
      roles: fc.array(fc.constantFrom<Role>('owner', 'agent', 'agent', 'viewer'), {
        maxLength: 5,
      }),
      mode: fc.constantFrom<'round-robin' | 'none'>('round-robin', 'round-robin', 'none'),
      byType: fc.record(
        {
          ride: fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }),
          delivery: fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }),
        },
        { requiredKeys: [] },
      ),
      lastTurn: fc.option(fc.nat(4)),
      ratings: fc.array(lowRating, { minLength: 1, maxLength: maxRatings }),
    })
    .map((c): Case => c);

describe.each(storeCases)('follow-up materialisation, set-based = one by one ($name)', (sc) => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ store, cleanup } = await sc.create());
  }, 180_000);
  afterAll(() => cleanup());

  it('same follow-ups, owners, activity, events, turn and mark for random teams and rules', async () => {
    await fc.assert(
      fc.asyncProperty(teamCase(40), async (c) => {
        const { reference, batched } = await bothWays(store.sql, c);
        expect(batched).toEqual(reference);
      }),
      { numRuns: 10 },
    );
  }, 180_000);

  it('the same across a batch boundary (230 ratings, two passes)', async () => {
    const ratings = Array.from({ length: 230 }, (_, i) => ({
      type: TYPES[i % TYPES.length]!,
      replied: i % 11 === 0,
      ageMin: i % 3,
    }));
    const c: Case = {
      roles: ['owner', 'agent', 'agent', 'viewer', 'agent'],
      mode: 'round-robin',
      byType: { delivery: [0, 3, 4] },
      lastTurn: 2,
      ratings,
    };
    const { reference, batched } = await bothWays(store.sql, c);
    expect(batched.followUps).toHaveLength(230);
    expect(batched.events.length).toBeGreaterThan(180);
    expect(batched).toEqual(reference);
  }, 180_000);
});

describe.runIf(DATABASE_URL)('follow-up materialisation with two collector processes', () => {
  const schema = `raaye_test_${Math.random().toString(36).slice(2, 10)}`;
  let one: Store;
  let two: Store;
  beforeAll(async () => {
    one = await postgresStore(DATABASE_URL!, { schema, max: 3 });
    two = await postgresStore(DATABASE_URL!, { schema, max: 3 });
    await one.migrate();
    await two.migrate();
  }, 60_000);
  afterAll(async () => {
    await one?.close();
    await two?.close();
    const sql = postgres(DATABASE_URL!, { max: 1, onnotice: () => {} });
    await sql.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await sql.end();
  });

  it('each rating gets one follow-up and one alert; turns as one process gives them', async () => {
    const ratings = Array.from({ length: 2 * BATCH + 20 }, (_, i) => ({
      type: TYPES[i % TYPES.length]!,
      replied: i % 13 === 0,
      ageMin: 2,
    }));
    const c: Case = {
      roles: ['agent', 'agent', 'owner', 'agent'],
      mode: 'round-robin',
      byType: { food: [2, 3] },
      lastTurn: null,
      ratings,
    };
    const { reference, siteId, members, settings, last } = await bothWays(one.sql, c);
    await reset(one.sql, siteId, last);
    const events: InboxEvent[] = [];
    const run = async (db: SqlClient) => {
      while ((await materialize(db, siteId, settings, members, collect(events), NOW)) > 0);
    };
    await Promise.all([run(one.sql), run(two.sql), run(one.sql), run(two.sql)]);
    const both = await snapshot(one.sql, siteId, []);
    expect(both.followUps).toEqual(reference.followUps);
    expect(both.activity).toEqual(reference.activity);
    expect(both.turn).toEqual(reference.turn);
    // Passes of the two processes interleave, each taking the newest still unopened: the same
    // events, exactly once each.
    const ids = (list: InboxEvent[]) => list.map((e) => e.subjectId).sort();
    expect(ids(events)).toEqual(ids(reference.events));
    expect(new Set(ids(events)).size).toBe(events.length);
  }, 180_000);
});
