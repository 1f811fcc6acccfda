import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

import { CHROMIUM_PATH } from '@raaye/test-utils/chromium';

export const CHROMIUM = CHROMIUM_PATH;

/** One line naming the machine every figure was taken on. */
export function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  let chromium = 'chromium not found';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: 'pipe' })
      .trim()
      .split('\n')
      .pop() as string;
  } catch {}
  let os = 'Linux';
  try {
    os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os;
  } catch {}
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return `${cpu}, ${cpus().length} cores, ${gib} GiB RAM · ${os} · Node ${process.version} · ${chromium}`;
}

/** The exact version of an installed package, read from its own package.json. */
export function versionOf(name: string): string {
  const file = new URL(`../node_modules/${name}/package.json`, import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
