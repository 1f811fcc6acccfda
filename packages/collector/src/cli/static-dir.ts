import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding the files the CLI serves (dashboard/, sdk/, demo/, webview/): `dist/static`
 * of this package, copied there by scripts/copy-static.mjs when the collector is built, so it
 * ships in the tarball. Found from this module's own location — `dist/` once installed,
 * `src/cli/` under tsx — by the nearest package.json, which is always our own: never from the
 * repository layout, so an install from npm or a tarball serves the same files as the repo.
 */
export function staticDir(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const folder = join(dir, 'dist', 'static');
      return existsSync(folder) ? folder : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}
