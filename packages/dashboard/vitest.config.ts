import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@raaye/source'] },
  test: {
    name: 'dashboard',
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
    // The Chromium test starts the collector CLI (PGlite takes a few seconds to open).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
