import { existsSync } from 'node:fs';

/** True under CI, where `.ci/run` builds, installs Chromium and starts PostgreSQL first. */
export const IN_CI = process.env.CI === 'true';

/**
 * Whether a build output (or other prerequisite) exists. Missing: under CI=true that is an error
 * (a test that skips there passes vacuously), elsewhere a warning and `false`, so callers can
 * `describe.skipIf(!built(...))` on a developer machine that has not run `pnpm build`.
 */
export function built(path: string, hint = 'run `pnpm build` first'): boolean {
  if (existsSync(path)) return true;
  if (IN_CI) throw new Error(`${path} is missing under CI=true: ${hint}`);
  console.warn(`[test] ${path} is missing (${hint}): skipping the tests that need it`);
  return false;
}

/** Like `built`, but always a hard error: for tests that have nothing to run without it. */
export function mustExist(path: string, hint = 'run `pnpm build` first'): string {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
  return path;
}
