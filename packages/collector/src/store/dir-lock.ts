import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CollectorError } from '../errors';

const LOCK = 'raaye.pid';

/**
 * PGlite has no cross-process locking, and two processes on one data directory corrupt it.
 * A pid file refuses the second one; a stale file (its process is gone, e.g. after kill -9)
 * is taken over. Resolves a release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(path, 'utf8').catch(() => ''));
      if (pid > 0 && pid !== process.pid && alive(pid)) {
        throw new CollectorError(
          'invalid_config',
          `data directory ${dir} is in use by process ${pid}`,
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new CollectorError('invalid_config', `cannot lock data directory ${dir}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
