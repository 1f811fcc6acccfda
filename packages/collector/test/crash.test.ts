import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCollectorCli } from '@raaye/test-utils/collector-cli';
import { describe, expect, it } from 'vitest';
import { pgliteStore } from '../src/store/pglite';
import { envelope, rating } from './_util/fixtures';

// R18/T18: kill -9 the collector in the middle of ingesting. Every batch it acknowledged must be
// there after a restart (no data loss), and no batch may be half there (one atomic statement).
describe('crash consistency', () => {
  it('keeps every acknowledged batch and no partial one after SIGKILL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'raaye-crash-'));
    const cli = await startCollectorCli({ source: true, args: ['--demo', '--data-dir', dataDir] });
    const { url, child } = cli;
    const exited = new Promise((r) => child.once('exit', r));

    const acked: string[][] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const batch = Array.from({ length: 50 }, () => rating());
        try {
          const res = await fetch(`${url}/v1/ratings`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(envelope(batch, { siteKey: 'pk_demo' })),
          });
          if (res.status === 200) acked.push(batch.map((r) => r.id));
        } catch {
          return; // the process is gone
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    while (acked.length < 10) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    stop = true;
    await Promise.all(workers);
    await exited;

    const store = await pgliteStore(dataDir);
    try {
      const stored = await store.listRatings('demo', {}, '0', 100_000);
      const ids = new Set(stored.map((r) => r.id));
      for (const batch of acked) expect(batch.every((id) => ids.has(id))).toBe(true);
      expect(stored.length % 50).toBe(0);
      expect(stored.length).toBeGreaterThanOrEqual(acked.length * 50);
    } finally {
      await store.close();
    }
  }, 120_000);
});
