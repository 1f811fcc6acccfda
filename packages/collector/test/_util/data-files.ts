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
      if (statSync(path).isDirectory()) walk(path);
      else if (readFileSync(path).includes(needle)) hits.push(path.slice(dir.length));
    }
  };
  walk(dir);
  return hits;
}
