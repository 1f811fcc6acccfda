import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    // The packed-consumer test: what a user gets from `pnpm pack`, outside the workspace.
    name: 'packed',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // Packing, one install from the pnpm store, three tsc runs, a vite build and the CLI: about
    // a minute on an idle 2-core box, several on a loaded one.
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
