import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteStore } from '../src/store/pglite';
import { postgresStore } from '../src/store/postgres';
import type { SqlClient } from '../src/store/sql-client';
import { foldStats } from '../src/store/stats-fold';
import {
  type StatsShapes,
  shapesOf,
  statsFromGroups,
  statsFromShapes,
} from '../src/store/stats-shapes';
import { rollupShapes, scanGroups } from '../src/store/stats-sql';
import type { RatingFilter } from '../src/store/types';
import { DATABASE_URL } from './_util/stores';

const SCALES = { stars5: [1, 5], nps: [0, 10], thumbs: [0, 1], ces7: [1, 7] } as const;
const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 20);

interface Row {
  site: string;
  rater: string;
  at: number;
  scale: keyof typeof SCALES;
  score: number;
  type: string | null;
}

const row = fc
  .record({
    site: fc.constantFrom('a', 'b'),
    rater: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5'),
    // Four days, with a bias towards the edges of days where rollup and scan meet.
    at: fc.oneof(
      fc.integer({ min: START, max: START + 4 * DAY }),
      fc.constantFrom(START, START + DAY - 1, START + DAY, START + 2 * DAY),
    ),
    scale: fc.constantFrom(...(Object.keys(SCALES) as Array<keyof typeof SCALES>)),
    unit: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    type: fc.constantFrom(null, 'ride', 'delivery'),
  })
  .map(({ unit, ...r }): Row => {
    const [min, max] = SCALES[r.scale];
    return { ...r, score: min + Math.floor(unit * (max - min + 1)) };
  });

// A day `today` closes every day before it: folds may run at any point between writes.
const foldDay = fc
  .integer({ min: 0, max: 5 })
  .map((d) => new Date(START + d * DAY).toISOString().slice(0, 10));

const operation = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(row, { minLength: 1, maxLength: 8 })
      .map((rows) => ({ kind: 'insert' as const, rows })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('erase' as const),
      site: fc.constantFrom('a', 'b'),
      rater: fc.constantFrom('r1', 'r2'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rescore' as const),
      site: fc.constantFrom('a', 'b'),
      shift: fc.integer({ min: -DAY, max: DAY }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fold' as const), today: foldDay }) },
);

const instant = fc.oneof(
  fc.integer({ min: START - DAY, max: START + 5 * DAY }),
  fc.constantFrom(START, START + DAY, START + 3 * DAY, START + DAY / 2),
);
const filter = fc.record(
  {
    from: instant.map((t) => new Date(t).toISOString()),
    to: instant.map((t) => new Date(t).toISOString()),
    interactionType: fc.constantFrom('ride', 'delivery'),
    scale: fc.constantFrom('stars5', 'nps'),
  },
  { requiredKeys: [] },
);

let counter = 0;
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function insert(db: SqlClient, rows: Row[]) {
  const batch = rows.map((r) => ({ ...r, interaction: `i${++counter % 7}`, at: new Date(r.at) }));
  // Through plain SQL, as ingest writes it: one statement per batch, so its trigger upserts
  // several counters at once; ON CONFLICT mirrors one rating per interaction.
  await db.query(
    `INSERT INTO raaye_ratings (site_id, id, interaction_id, interaction_type, scale, score,
       rater_id, source, device_created_at, sent_at, received_at, event_time, low)
     SELECT site, gen_random_uuid(), interaction, type, scale, score, rater, 'web', at, at, at,
       at, false
     FROM jsonb_to_recordset($1::text::jsonb) AS r(site text, interaction text, type text,
       scale text, score smallint, rater text, at timestamptz)
     ON CONFLICT DO NOTHING`,
    [JSON.stringify(batch)],
  );
}

async function apply(db: SqlClient, op: Operation) {
  if (op.kind === 'insert') {
    await insert(db, op.rows);
  } else if (op.kind === 'fold') {
    await foldStats(db, op.today);
  } else if (op.kind === 'erase') {
    await db.query('DELETE FROM raaye_ratings WHERE site_id = $1 AND rater_id = $2', [
      op.site,
      op.rater,
    ]);
  } else {
    await db.query(
      `UPDATE raaye_ratings SET event_time = event_time + ($2::int * interval '1 millisecond')
       WHERE site_id = $1 AND rater_id = 'r3'`,
      [op.site, op.shift],
    );
  }
}

// The rollup splits a day across its whole-day part and an edge scan: add up equal keys first.
function normal({ days, scores }: StatsShapes) {
  const d = new Map<string, { n: number; total: number }>();
  for (const x of days) {
    const seen = d.get(x.day) ?? { n: 0, total: 0 };
    d.set(x.day, { n: seen.n + x.n, total: seen.total + x.total });
  }
  const s = new Map<string, number>();
  for (const x of scores)
    s.set(`${x.scale}|${x.score}`, (s.get(`${x.scale}|${x.score}`) ?? 0) + x.n);
  return {
    days: [...d.entries()].filter(([, v]) => v.n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)),
    scores: [...s.entries()].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

/** Rollup and scan agree on every site and filter; returns how many groups were compared. */
async function compare(db: SqlClient, filters: readonly RatingFilter[]) {
  let checked = 0;
  for (const site of ['a', 'b']) {
    for (const f of [{}, ...filters]) {
      const fromRollup = await rollupShapes(db, site, f);
      const scanned = await scanGroups(db, site, f);
      expect(normal(fromRollup)).toEqual(normal(shapesOf(scanned)));
      expect(statsFromShapes(fromRollup)).toEqual(statsFromGroups(scanned));
      checked += scanned.length;
    }
  }
  return checked;
}

interface Backend {
  name: string;
  /** A pool where the store has one (several connections, so several rollup slots). */
  open(): Promise<{ db: SqlClient; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'pglite',
    async open() {
      const store = await pgliteStore();
      return { db: store.sql, dispose: () => store.close() };
    },
  },
];
const databaseUrl = DATABASE_URL;
if (databaseUrl) {
  backends.push({
    name: 'postgres',
    async open() {
      const schema = `raaye_rollup_${Math.random().toString(36).slice(2, 10)}`;
      const store = await postgresStore(databaseUrl, { schema, max: 6 });
      return {
        db: store.sql,
        async dispose() {
          await store.close();
          const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
          await admin.unsafe(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  });
}

describe.each(backends)('daily stats rollup on $name', (backend) => {
  let db: SqlClient;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await backend.open());
  });
  afterAll(() => dispose());

  it('equals a full recomputation after any inserts, erasures, re-timings and folds, for any filter', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 6 }),
        fc.array(filter, { minLength: 1, maxLength: 4 }),
        async (ops, filters) => {
          for (const op of ops) await apply(db, op);
          checked += await compare(db, filters);
        },
      ),
      { numRuns: 40 },
    );
    // Guards against a vacuous pass: the property must have compared real, non-empty groups.
    expect(checked).toBeGreaterThan(100);
  }, 240_000);

  it('keeps every count when ratings arrive on several connections while folds run', async () => {
    const today = new Date(START + 3 * DAY).toISOString().slice(0, 10);
    const batches = fc.sample(fc.array(row, { minLength: 4, maxLength: 12 }), {
      numRuns: 60,
      seed: 16,
    });
    let folds = 0;
    let writing = true;
    const folding = (async () => {
      while (writing) {
        await foldStats(db, today);
        folds++;
      }
    })();
    // Six writers at once: on PostgreSQL each holds its own connection, hence its own slot.
    const queue = [...batches];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        for (let b = queue.shift(); b; b = queue.shift()) await insert(db, b);
      }),
    );
    writing = false;
    await folding;
    const slots = await db.query<{ n: number }>(
      'SELECT count(DISTINCT slot)::int AS n FROM raaye_stats_daily',
    );
    await foldStats(db, today);
    const unfolded = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM raaye_stats_daily WHERE slot <> 0 AND day < $1::date',
      [today],
    );
    expect(folds).toBeGreaterThan(0);
    expect(Number(unfolded[0]!.n)).toBe(0);
    if (backend.name === 'postgres') expect(Number(slots[0]!.n)).toBeGreaterThan(1);
    const windows: RatingFilter[] = [
      {
        from: new Date(START + DAY / 2).toISOString(),
        to: new Date(START + 3 * DAY + 7).toISOString(),
      },
      { interactionType: 'ride' },
      { scale: 'nps', to: today },
    ];
    expect(await compare(db, windows)).toBeGreaterThan(20);
  }, 120_000);

  it('never writes a counter in slot 0, which is the fold’s alone (stats-fold.ts)', async () => {
    // A day no fold of this file reaches, so its counters are exactly what the triggers wrote.
    const day = START + 30 * DAY;
    // A rater of its own: the others' (rater, interaction) pairs are taken, and would not insert.
    await insert(db, [{ site: 'a', rater: 'r-slot', at: day, scale: 'nps', score: 9, type: null }]);
    await db.query("DELETE FROM raaye_ratings WHERE site_id = 'a' AND rater_id = 'r-slot'");
    const slots = await db.query<{ slot: number; n: number }>(
      'SELECT slot, n::int AS n FROM raaye_stats_daily WHERE day = $1::date',
      [new Date(day).toISOString().slice(0, 10)],
    );
    expect(slots.length).toBeGreaterThan(0);
    for (const s of slots) expect(Number(s.slot)).not.toBe(0);
  });
});
