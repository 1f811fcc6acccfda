import { defineProject } from 'vitest/config';

// The docs are not a package: these tests use the root's vitest and typescript.
export default defineProject({
  test: { name: 'docs', environment: 'node', include: ['test/**/*.test.ts'] },
});
