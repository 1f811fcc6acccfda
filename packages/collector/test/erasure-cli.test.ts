import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollectorCli } from '@raaye/test-utils/collector-cli';
import { afterAll, describe, expect, it } from 'vitest';
import { envelope, rating } from './_util/fixtures';

// Issue 11, "erasure that erases", against the built CLI on PGlite: what `DELETE /v1/raters/:id`
// removed is in no file of the data directory (heap, indexes, WAL) after a clean shutdown. A
// second rater's marker, not erased, must still be found in the same files: the grep is real.
// (PostgreSQL's files belong to the server and its operator: docs/security.md.)

const secretKey = `sk_erase_${randomBytes(24).toString('base64url')}`;
// Random, so no other byte sequence matches, and short, so PostgreSQL stores it uncompressed.
const marker = (who: string) => `${who}-${randomBytes(12).toString('hex')}`;

function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) hits.push(path.slice(dir.length));
    }
  };
  walk(dir);
  return hits;
}

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
    expect(await cli.stop()).toBe(0);

    expect(filesContaining(data, kept).length).toBeGreaterThan(0);
    expect(filesContaining(data, gone.comment)).toEqual([]);
    expect(filesContaining(data, gone.trait)).toEqual([]);
    console.info(`erasure with compaction answered in ${eraseMs} ms`);
  }, 180_000);
});
