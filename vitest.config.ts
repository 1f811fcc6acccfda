import { defineConfig } from 'vitest/config';

// Each package owns its vitest config (environment, setup); the root runs them all as projects.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'examples/*/vitest.config.ts',
      'e2e/vitest.config.ts',
      'docs/vitest.config.ts',
    ],
  },
});
