import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@raaye/source'] },
  test: {
    name: 'collector',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // PGlite takes about a second to start; suites share one instance per file.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
