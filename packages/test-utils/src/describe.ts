import { describe } from 'vitest';
import { haveChromium } from './chromium';

// Apart from chromium.ts so benches (plain tsx, no test runner) can launch without vitest.

/** `describe` that needs Chromium: skipped with a notice without it, a hard failure under CI. */
export function describeInChromium(name: string, body: () => void) {
  return haveChromium() ? describe(name, body) : describe.skip(name, body);
}
