import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CollectorError } from '../errors';

const LOCK = 'raaye.pid';

/** Who holds the lock: a pid is only meaningful with the boot and the start time it had. */
export interface LockOwner {
  pid: number;
  /** `/proc/sys/kernel/random/boot_id`: changes on every reboot (Linux). */
  bootId?: string;
  /** Start time of `pid` in clock ticks since boot, from `/proc/<pid>/stat` (Linux). */
  start?: string;
}

/**
 * PGlite has no cross-process locking, and two processes on one data directory corrupt it.
 * A lock file refuses the second one. It records the owner's pid *and* identity (boot id and
 * process start time), because a pid alone lies after a reboot or a container restart: the
 * recorded pid then often belongs to an unrelated live process (pid 1, 7, …), and a pid-only
 * check refuses to start until someone deletes the file. The lock is stale, and taken over, when
 * the pid is gone, the machine has rebooted since, or the pid now names a process that started
 * at another time. Without /proc (macOS) only "the pid is gone" is known. Hand-written because
 * the maintained lock libraries (proper-lockfile) judge staleness by mtime, which needs a timer
 * refreshing the file and still waits out the stale period after a crash.
 * Resolves a release function.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, LOCK);
  const me = JSON.stringify(identify(process.pid));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, me, { flag: 'wx' });
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const text = await readFile(path, 'utf8').catch(() => '');
      const owner = parseOwner(text);
      if (owner && owner.pid !== process.pid && holds(owner)) {
        throw new CollectorError(
          'invalid_config',
          `data directory ${dir} is in use by process ${owner.pid}`,
        );
      }
      // Remove only the file we judged stale, not one a racing starter has just written.
      if ((await readFile(path, 'utf8').catch(() => '')) === text) await rm(path, { force: true });
    }
  }
  throw new CollectorError('invalid_config', `cannot lock data directory ${dir}`);
}

/** The identity of a live process, as far as this platform can tell. */
export function identify(pid: number): LockOwner {
  const owner: LockOwner = { pid };
  const bootId = readProc('/proc/sys/kernel/random/boot_id');
  const start = startTicks(pid);
  if (bootId) owner.bootId = bootId;
  if (start) owner.start = start;
  return owner;
}

/** Whether the recorded owner is still the process running under its pid. */
export function holds(owner: LockOwner): boolean {
  if (!alive(owner.pid)) return false;
  const now = identify(owner.pid);
  if (owner.bootId && now.bootId && owner.bootId !== now.bootId) return false;
  if (owner.start && now.start && owner.start !== now.start) return false;
  return true;
}

/** The lock file's content: JSON, or a bare pid (files written before identities were kept). */
function parseOwner(text: string): LockOwner | undefined {
  if (/^\d+$/.test(text.trim())) return { pid: Number(text) };
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return undefined;
    const owner: LockOwner = { pid: value.pid as number };
    if (typeof value.bootId === 'string') owner.bootId = value.bootId;
    if (typeof value.start === 'string') owner.start = value.start;
    return owner;
  } catch {
    return undefined;
  }
}

function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces and parentheses. */
function startTicks(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
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
