import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createScratchDatabase, type ScratchDatabase } from '@raaye/test-utils/scratch-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTables } from '../src/migrate/copy-tables';
import { openPgliteClient, pgliteStore } from '../src/store/pglite';
import { openPostgresClient, postgresStore } from '../src/store/postgres';
import { collector, envelope, postRequest, rating, site } from './_util/fixtures';
import { DATABASE_URL } from './_util/stores';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const RATINGS = 1200;

// Needs PostgreSQL (the target); postgres-required.test.ts fails CI when it is missing.
describe.runIf(DATABASE_URL)('raaye-collector migrate (PGlite → PostgreSQL)', () => {
  const shop = site();
  let dataDir: string;
  let database: ScratchDatabase;
  let databaseUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'raaye-migrate-'));
    const store = await pgliteStore(dataDir);
    const handle = collector(store, [shop]);
    const made = Array.from({ length: RATINGS }, (_, i) =>
      rating({ score: (i % 5) + 1, comment: `ride ${i} «${'ü'.repeat(i % 7)}»`, tags: ['late'] }),
    );
    for (let i = 0; i < made.length; i += 100) {
      const response = await handle(
        postRequest(envelope(made.slice(i, i + 100), { siteKey: shop.siteKey })),
      );
      expect(response.status).toBe(200);
    }
    const owed = await handle(
      new Request('http://collector.test/v1/owed', {
        method: 'POST',
        headers: { authorization: `Bearer ${shop.secretKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          raterId: 'rider-9',
          interactionId: 'ride-owed-1',
          prompt: 'How was it?',
        }),
      }),
    );
    expect(owed.status).toBeLessThan(300);
    await store.close();

    database = await createScratchDatabase(DATABASE_URL!, 'raaye_migrate');
    databaseUrl = database.url;
    // PGlite opens, migrates and takes 1,200 ratings: a minute and more on a loaded machine.
  }, 180_000);

  afterAll(() => database?.drop());

  it('resumes after an interruption instead of starting over', async () => {
    const source = await openPgliteClient(dataDir);
    const target = await openPostgresClient(databaseUrl);
    try {
      let batches = 0;
      await expect(
        copyTables(source, target, {
          sourceId: 'test',
          batchSize: 200,
          onProgress: ({ table }) => {
            if (table === 'raaye_ratings' && ++batches === 3) throw new Error('interrupted');
          },
        }),
      ).rejects.toThrow('interrupted');
      const seen: number[] = [];
      const counts = await copyTables(source, target, {
        sourceId: 'test',
        batchSize: 200,
        onProgress: ({ table, copied }) => {
          if (table === 'raaye_ratings') seen.push(copied);
        },
      });
      // The first batch of the second run starts after the rows the first run committed.
      expect(seen[0]).toBeGreaterThan(200);
      expect(counts.find((c) => c.table === 'raaye_ratings')).toEqual({
        table: 'raaye_ratings',
        source: RATINGS,
        target: RATINGS,
      });
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('the built CLI copies every field, is idempotent, and leaves PostgreSQL ready for new rows', async () => {
    if (!existsSync(CLI)) throw new Error(`build the collector first: ${CLI} is missing`);
    const run = () =>
      promisify(execFile)(process.execPath, [
        CLI,
        'migrate',
        '--data-dir',
        dataDir,
        '--database-url',
        databaseUrl,
      ]);
    const first = await run();
    expect(first.stderr).toContain('count check passed');
    const again = await run();
    expect(again.stderr).toMatch(/raaye_ratings\s+source\s+1200\s+target\s+1200/);

    const from = await pgliteStore(dataDir);
    const to = await postgresStore(databaseUrl);
    try {
      const before = await from.listRatings(shop.id, {}, '0', 5000);
      const after = await to.listRatings(shop.id, {}, '0', 5000);
      expect(after).toEqual(before);
      // The stats rollup is rebuilt by the target's triggers, not copied on top of them.
      expect(await to.stats(shop.id, {})).toEqual(await from.stats(shop.id, {}));
      expect((await to.stats(shop.id, {})).count).toBe(RATINGS);
      expect(await to.listOwed(shop.id, 'rider-9', new Date().toISOString())).toEqual(
        await from.listOwed(shop.id, 'rider-9', new Date().toISOString()),
      );
      // Sequences moved past the copied rows: a new rating gets the next seq, not a collision.
      const live = collector(to, [shop]);
      const response = await live(postRequest(envelope([rating()], { siteKey: shop.siteKey })));
      expect((await response.json()).results[0].status).toBe('accepted');
      const now = await to.listRatings(shop.id, {}, '0', 5000);
      expect(now).toHaveLength(RATINGS + 1);
      expect(Number(now.at(-1)!.seq)).toBeGreaterThan(Number(before.at(-1)!.seq));
    } finally {
      await from.close();
      await to.close();
    }
  }, 240_000);
});
