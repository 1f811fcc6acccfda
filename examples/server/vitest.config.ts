import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'examples-server',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Each host's first test starts an embedded PGlite and migrates it: ~10 s on a quiet box,
    // over 30 s once in CI at load 20.
    testTimeout: 120_000,
  },
});
