// The follow-up step opens a pass's follow-ups with a few set-based statements and computes the
// assignment turns in memory. Checked by what it promises (_util/followup-properties.ts), for
// random teams, rules, interaction types and replied ratings: across a batch boundary, with
// ratings whose inserts commit out of seq order, and with two collector processes on one
// PostgreSQL.
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
import { checkFollowUps, checkMark, type Seen, type Site } from './_util/followup-properties';
import { insertLowRatings, type LowRating, reserveSeqs } from './_util/low-ratings';
import { DATABASE_URL, openStore, storeCases } from './_util/stores';

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const TYPES = ['ride', 'delivery', 'food', null] as const;
type Role = 'owner' | 'agent' | 'viewer';

interface Team {
  roles: Role[];
  mode: 'round-robin' | 'none';
  /** Per type, indexes into the team (the by-type rule's list). */
  byType: Partial<Record<'ride' | 'delivery' | 'food', number[]>>;
  /** Index of the member who took the last turn, or none. */
  lastTurn: number | null;
}

let sites = 0;

/** A site with its team, rules and last turn (no ratings yet). */
async function seedSite(db: SqlClient, t: Team): Promise<Site> {
  const siteId = `mat${++sites}${Math.random().toString(36).slice(2, 6)}`;
  const members: Member[] = [];
  for (const [i, role] of t.roles.entries()) {
    const m = await memberStore(db).add(
      siteId,
      { email: `m${i}@team.example`, name: `m${i}`, role, passwordHash: 'unused' },
      new Date(NOW - 86_400_000).toISOString(),
    );
    members.push(m!);
  }
  const byType = Object.fromEntries(
    Object.entries(t.byType).map(([type, idx]) => [type, idx.map((i) => `m${i}@team.example`)]),
  );
  const settings: InboxSettings = {
    ...DEFAULT_SETTINGS,
    businessHours: { timeZone: 'Asia/Karachi', days: { mon: '09:00-17:00', tue: '09:00-17:00' } },
    assignment: { mode: t.mode, byType },
  };
  const last = t.lastTurn === null ? null : (members[t.lastTurn % members.length]?.id ?? null);
  await db.query(
    `INSERT INTO raaye_inbox_settings (site_id, settings, round_robin_last, updated_at)
     VALUES ($1, $2::text::jsonb, $3::uuid, $4::timestamptz)`,
    [siteId, JSON.stringify(settings), last, new Date(NOW).toISOString()],
  );
  return { siteId, members, settings, last };
}

const collect = (into: InboxEvent[]) => async (_tx: SqlClient, _site: string, list: InboxEvent[]) =>
  void into.push(...list);

/** Passes until one finds nothing left; returns how many opened follow-ups. */
async function drain(db: SqlClient, site: Site, events: InboxEvent[], now: number) {
  let passes = 0;
  while (
    (await materialize(db, site.siteId, site.settings, site.members, collect(events), now)) > 0
  )
    passes++;
  return passes;
}

const team: fc.Arbitrary<Team> = fc.record({
  roles: fc.array(fc.constantFrom<Role>('owner', 'agent', 'agent', 'viewer'), { maxLength: 5 }),
  mode: fc.constantFrom<'round-robin' | 'none'>('round-robin', 'round-robin', 'none'),
  byType: fc.record(
    {
      ride: fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }),
      delivery: fc.array(fc.nat(4), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: [] },
  ),
  lastTurn: fc.option(fc.nat(4)),
});

const lowRating: fc.Arbitrary<LowRating> = fc.record({
  type: fc.constantFrom(...TYPES),
  replied: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  ageMin: fc.integer({ min: 0, max: 5 }),
});

// Every branch at least once, whatever the random cases: by type, round-robin, nobody
// eligible (food in mode none), replied, and ratings too new for the mark.
const EVERY_BRANCH: [Team, LowRating[]] = [
  {
    roles: ['agent', 'owner', 'agent', 'viewer'],
    mode: 'none',
    byType: { ride: [1, 3] },
    lastTurn: 0,
  },
  [
    { type: 'ride', replied: false, ageMin: 2 },
    { type: 'food', replied: false, ageMin: 2 },
    { type: 'ride', replied: true, ageMin: 0 },
    { type: 'ride', replied: false, ageMin: 0 },
  ],
];
const ROUND_ROBIN: [Team, LowRating[]] = [
  { roles: ['agent', 'agent', 'viewer', 'agent'], mode: 'round-robin', byType: {}, lastTurn: null },
  Array.from({ length: 7 }, () => ({ type: 'food', replied: false, ageMin: 3 })),
];

const noneSeen = (): Seen => ({ followUps: 0, replied: 0, unowned: 0, byType: 0, roundRobin: 0 });

describe.each(storeCases)('follow-up materialisation keeps its promises ($name)', (sc) => {
  const handle = openStore(sc);

  it('for random teams, rules and low ratings', async () => {
    const seen = noneSeen();
    await fc.assert(
      fc.asyncProperty(
        team,
        fc.array(lowRating, { minLength: 1, maxLength: 40 }),
        async (t, ratings) => {
          const db = handle.store.sql;
          const site = await seedSite(db, t);
          await insertLowRatings(db, site.siteId, ratings, NOW);
          const events: InboxEvent[] = [];
          expect(await drain(db, site, events, NOW)).toBe(1);
          await checkFollowUps(db, site, events, { now: NOW, newestFirst: true, seen });
        },
      ),
      { numRuns: 10, examples: [EVERY_BRANCH, ROUND_ROBIN] },
    );
    // Not vacuous: every kind of follow-up was made and checked.
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(0);
  }, 180_000);

  it('across a batch boundary (230 ratings, two passes)', async () => {
    const db = handle.store.sql;
    const site = await seedSite(db, {
      roles: ['owner', 'agent', 'agent', 'viewer', 'agent'],
      mode: 'round-robin',
      byType: { delivery: [0, 3, 4] },
      lastTurn: 2,
    });
    const ratings = Array.from({ length: 230 }, (_, i) => ({
      type: TYPES[i % TYPES.length]!,
      replied: i % 11 === 0,
      ageMin: i % 3,
    }));
    await insertLowRatings(db, site.siteId, ratings, NOW);
    const events: InboxEvent[] = [];
    expect(await drain(db, site, events, NOW)).toBe(2);
    expect(events.length).toBeGreaterThan(180);
    await checkFollowUps(db, site, events, { now: NOW, newestFirst: true });
  }, 180_000);

  // A rating's seq is taken before its insert commits, so a lower seq can appear after a higher
  // one has been seen. Ratings are received in waves 20 s apart and commit up to two waves (40 s,
  // under the minute the step allows) later; a pass runs every wave.
  it('the mark never passes a rating that commits late', async () => {
    const WAVE_MS = 20_000;
    const late = fc.record({
      type: fc.constantFrom(...TYPES),
      replied: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      wave: fc.nat(4),
      delay: fc.nat(2),
    });
    let outOfOrder = 0;
    await fc.assert(
      fc.asyncProperty(team, fc.array(late, { minLength: 1, maxLength: 30 }), async (t, list) => {
        const db = handle.store.sql;
        const site = await seedSite(db, t);
        const ratings = [...list].sort((a, b) => a.wave - b.wave);
        const seqs = await reserveSeqs(db, ratings.length);
        const pending = ratings.map((r, i) => ({ ...r, seq: seqs[i]! }));
        const events: InboxEvent[] = [];
        let now = NOW;
        for (let wave = 0; pending.length > 0; wave++) {
          now = NOW + wave * WAVE_MS;
          const due = pending.filter((r) => r.wave + r.delay === wave);
          for (const r of due) pending.splice(pending.indexOf(r), 1);
          if (due.some((r) => pending.some((p) => p.seq < r.seq))) outOfOrder++;
          // Each stored as received at its own wave (when it took its seq).
          for (const received of new Set(due.map((r) => r.wave))) {
            const group = due.filter((r) => r.wave === received);
            await insertLowRatings(
              db,
              site.siteId,
              group.map((r) => ({ ...r, ageMin: 0 })),
              NOW + received * WAVE_MS,
            );
          }
          await drain(db, site, events, now);
          await checkMark(
            db,
            site.siteId,
            pending.map((r) => r.seq),
          );
        }
        now += 2 * 60_000;
        await drain(db, site, events, now);
        await checkFollowUps(db, site, events, { now, newestFirst: false });
      }),
      { numRuns: 8 },
    );
    expect(outOfOrder, 'waves that committed a seq above one still pending').toBeGreaterThan(0);
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

  it('each rating gets one follow-up, one log and one alert; turns as one process gives them', async () => {
    const site = await seedSite(one.sql, {
      roles: ['agent', 'agent', 'owner', 'agent'],
      mode: 'round-robin',
      byType: { food: [2, 3] },
      lastTurn: null,
    });
    const ratings = Array.from({ length: 2 * BATCH + 20 }, (_, i) => ({
      type: TYPES[i % TYPES.length]!,
      replied: i % 13 === 0,
      ageMin: 2,
    }));
    await insertLowRatings(one.sql, site.siteId, ratings, NOW);
    const events: InboxEvent[] = [];
    // Passes of the two processes interleave, each taking the newest still unopened under the
    // site's lock: together they must do what one process does, each thing exactly once.
    const passes = await Promise.all(
      [one, two, one, two].map((s) => drain(s.sql, site, events, NOW)),
    );
    expect(passes.reduce((a, b) => a + b)).toBe(3);
    await checkFollowUps(one.sql, site, events, { now: NOW, newestFirst: true });
  }, 180_000);
});
