import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Random, so no other byte sequence matches, and short, so PostgreSQL stores it uncompressed.
export const marker = (who: string) => `${who}-${randomBytes(12).toString('hex')}`;

/** The files below `dir` (a PGlite data directory: heap, indexes, WAL) whose bytes hold `needle`. */
export function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const bytes = readIfStill(path);
      if (bytes === 'dir') walk(path);
      else if (bytes?.includes(needle)) hits.push(path.slice(dir.length));
    }
  };
  walk(dir);
  return hits;
}

/**
 * A file's bytes, 'dir', or undefined when it vanished between the listing and the read: the
 * running store renames its WAL segments' temporary files (`pg_wal/xlogtemp.*`) as it writes,
 * and a vanished file holds nothing to find (seen once in CI at load 20).
 */
function readIfStill(path: string): Buffer | 'dir' | undefined {
  try {
    return statSync(path).isDirectory() ? 'dir' : readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
