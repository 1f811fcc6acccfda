import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

// The launcher and the CI rule (a missing Chromium fails under CI=true) live in @raaye/test-utils.
export { launchChromium } from '@raaye/test-utils/chromium';
export { describeInChromium } from '@raaye/test-utils/describe';

/** Screenshots and other artefacts land here (kept by CI as test artefacts). */
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', 'test-results');

export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return join(ARTIFACTS_DIR, name);
}
