import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identify, lockDataDir } from '../src/store/dir-lock';
import { pgliteStore } from '../src/store/pglite';

const lockFile = (dir: string) => join(dir, 'raaye.pid');
const write = (dir: string, owner: unknown) =>
  writeFile(lockFile(dir), typeof owner === 'string' ? owner : JSON.stringify(owner));

// Another live process to stand for "the owner": our parent (the vitest runner) is alive.
const live = () => identify(process.ppid);

describe('PGlite data directory lock', () => {
  it('makes pgliteStore refuse a directory whose owner is alive', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raaye-lock-'));
    await write(dir, live());
    // Refused before PGlite opens anything.
    await expect(pgliteStore(dir)).rejects.toThrow(/in use by process/);
  });

  it('records who holds it: pid, boot id and start time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raaye-lock-'));
    const release = await lockDataDir(dir);
    expect(JSON.parse(await readFile(lockFile(dir), 'utf8'))).toEqual(identify(process.pid));
    await release();
  });

  // After a container restart the recorded pid is often reused by an unrelated live process.
  it.runIf(identify(process.pid).start)(
    'takes over a lock whose pid is alive but is another process (reboot, container restart)',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'raaye-lock-'));
      const owner = live();
      await write(dir, { ...owner, start: String(Number(owner.start) - 1) });
      await (await lockDataDir(dir))();
      await write(dir, { ...owner, bootId: 'a-boot-before-this-one' });
      await (await lockDataDir(dir))();
      // The same pid with its real identity still holds it.
      await write(dir, owner);
      await expect(lockDataDir(dir)).rejects.toThrow(/in use by process/);
    },
  );

  it('reads lock files written before identities were kept (a bare pid)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'raaye-lock-'));
    await write(dir, String(process.ppid));
    await expect(lockDataDir(dir)).rejects.toThrow(/in use by process/);
    await write(dir, '999999999');
    await (await lockDataDir(dir))();
    await write(dir, 'not a lock');
    await (await lockDataDir(dir))();
  });
});
