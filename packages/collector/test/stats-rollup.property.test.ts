import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteClient } from '../src/store/pglite';
import { openPostgresClient } from '../src/store/postgres';
import type { SqlClient } from '../src/store/sql-client';
import { rollupGroups, type ScoreGroup, scanGroups, statsFromGroups } from '../src/store/stats-sql';
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

async function apply(db: SqlClient, op: Operation) {
  if (op.kind === 'insert') {
    for (const r of op.rows) {
      counter++;
      const at = new Date(r.at).toISOString();
      // Through plain SQL, as ingest writes it; ON CONFLICT mirrors one rating per interaction.
      await db.query(
        `INSERT INTO raaye_ratings (site_id, id, interaction_id, interaction_type, scale, score,
           rater_id, source, device_created_at, sent_at, received_at, event_time, low)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5::smallint, $6, 'web', $7::timestamptz,
           $7::timestamptz, $7::timestamptz, $7::timestamptz, false)
         ON CONFLICT DO NOTHING`,
        [r.site, `i${counter % 7}`, r.type, r.scale, r.score, r.rater, at],
      );
    }
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

const sorted = (groups: ScoreGroup[]) => {
  // The rollup may split a day across its whole-day part and an edge scan: merge first.
  const merged = new Map<string, ScoreGroup>();
  for (const g of groups) {
    const key = `${g.day}|${g.scale}|${g.score}`;
    const seen = merged.get(key);
    if (seen) seen.n += g.n;
    else merged.set(key, { ...g });
  }
  return [...merged.values()].sort((x, y) =>
    `${x.day}|${x.scale}|${x.score}` < `${y.day}|${y.scale}|${y.score}` ? -1 : 1,
  );
};

interface Backend {
  name: string;
  open(): Promise<{ db: SqlClient; dispose(): Promise<void> }>;
}

const backends: Backend[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openPgliteClient(await mkdtemp(join(tmpdir(), 'raaye-rollup-')));
      return { db, dispose: () => db.close() };
    },
  },
];
const databaseUrl = DATABASE_URL;
if (databaseUrl) {
  backends.push({
    name: 'postgres',
    async open() {
      const name = `raaye_rollup_${Math.random().toString(36).slice(2, 10)}`;
      const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const url = new URL(databaseUrl);
      url.pathname = `/${name}`;
      const db = await openPostgresClient(url.href);
      return {
        db,
        async dispose() {
          await db.close();
          await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
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

  it('equals a full recomputation after any inserts, erasures and re-timings, for any filter', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { minLength: 1, maxLength: 6 }),
        fc.array(filter, { minLength: 1, maxLength: 4 }),
        async (ops, filters) => {
          for (const op of ops) await apply(db, op);
          for (const site of ['a', 'b']) {
            for (const f of [{}, ...filters]) {
              const fromRollup = sorted(await rollupGroups(db, site, f));
              const fromScan = sorted(await scanGroups(db, site, f));
              expect(fromRollup).toEqual(fromScan);
              expect(statsFromGroups(fromRollup)).toEqual(statsFromGroups(fromScan));
              checked += fromScan.length;
            }
          }
        },
      ),
      { numRuns: 40 },
    );
    // Guards against a vacuous pass: the property must have compared real, non-empty groups.
    expect(checked).toBeGreaterThan(100);
  }, 240_000);
});
