import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollectorCli } from '@raaye/test-utils/collector-cli';
import { afterAll, describe, expect, it } from 'vitest';
import { filesContaining, marker } from './_util/data-files';
import { envelope, rating } from './_util/fixtures';

// Issue 11, "erasure that erases", against the built CLI on PGlite: what `DELETE /v1/raters/:id`
// removed is in no file of the data directory (heap, indexes, WAL) after a clean shutdown. A
// second rater's marker, not erased, must still be found in the same files: the grep is real.
// The compaction runs in the background after the erasure answers; a clean shutdown waits for
// one under way, and one owed at a crash runs at the next start (erase-compaction.test.ts).
// (PostgreSQL's files belong to the server and its operator: docs/security.md.)

const secretKey = `sk_erase_${randomBytes(24).toString('base64url')}`;

describe('erasure on PGlite, against the built CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'raaye-erase-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves no trace of the erased comment and traits in the data files and WAL', async () => {
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        sites: [{ id: 'shop', siteKey: 'pk_erase', secretKey, allowedOrigins: ['*'] }],
      }),
    );
    const data = join(dir, 'data');
    const cli = await startCollectorCli({
      args: ['--config', config, '--data-dir', data],
      env: { RAAYE_LOG_LEVEL: 'warn' },
      timeoutMs: 90_000,
    });
    const gone = { comment: marker('gone-comment'), trait: marker('gone-trait') };
    const kept = marker('kept-comment');
    const ratings = [
      rating({
        raterId: 'erase-me',
        score: 1,
        comment: gone.comment,
        user: { id: 'erase-me', traits: { email: `${gone.trait}@x.example` } },
      }),
      rating({ raterId: 'keep-me', score: 1, comment: kept }),
    ];
    const posted = await fetch(`${cli.url}/v1/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(envelope(ratings, { siteKey: 'pk_erase' })),
    });
    expect(posted.status).toBe(200);
    const started = performance.now();
    const erased = await fetch(`${cli.url}/v1/raters/erase-me`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${secretKey}` },
    });
    const eraseMs = Math.round(performance.now() - started);
    expect(erased.status).toBe(200);
    expect(((await erased.json()) as { deleted: { ratings: number } }).deleted.ratings).toBe(1);
    // Compacted in the background while the collector runs (its CHECKPOINT writes the files).
    const deadline = Date.now() + 90_000;
    while (filesContaining(data, gone.comment).length > 0) {
      if (Date.now() > deadline) throw new Error(`not compacted:\n${cli.output()}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const compactedMs = Math.round(performance.now() - started);
    expect(await cli.stop()).toBe(0);

    expect(filesContaining(data, kept).length).toBeGreaterThan(0);
    expect(filesContaining(data, gone.comment)).toEqual([]);
    expect(filesContaining(data, gone.trait)).toEqual([]);
    console.info(`erasure answered in ${eraseMs} ms; data files clean ${compactedMs} ms after it`);
  }, 180_000);
});
