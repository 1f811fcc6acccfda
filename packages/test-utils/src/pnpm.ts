import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Runs pnpm as the workspace does: the pnpm that started this process when there is one
 * (`npm_execpath` under `pnpm test`), else the pinned version through npx.
 */
export function pnpm(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  const self = process.env.npm_execpath;
  const [file, pre] =
    self && /pnpm/.test(self)
      ? [process.execPath, [self]]
      : ['npx', ['-y', `pnpm@${PNPM_VERSION}`]];
  return run(file, [...pre, ...args], { cwd, maxBuffer: 64 << 20, env: process.env });
}

export const PNPM_VERSION = '10.34.9';

export { run as execFileAsync };
