import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { describe } from 'vitest';

/** Debian's Chromium; we never download browsers. */
export const CHROMIUM_PATH = process.env.RAAYE_CHROMIUM ?? '/usr/bin/chromium';

/** Screenshots and other artefacts land here (kept by CI as test artefacts). */
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', 'test-results');

/**
 * `describe` that needs Chromium: skipped with a notice on a machine without it, but a hard
 * failure under CI=true, where `.ci/run` installs it — a missing browser must not turn green.
 */
export function describeInChromium(name: string, body: () => void) {
  if (existsSync(CHROMIUM_PATH)) return describe(name, body);
  if (process.env.CI === 'true') {
    throw new Error(
      `${CHROMIUM_PATH} is missing: CI must install Debian's chromium (see .ci/run).`,
    );
  }
  console.warn(
    `[e2e] ${CHROMIUM_PATH} not found: skipping "${name}" (install Debian's chromium to run it).`,
  );
  return describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
