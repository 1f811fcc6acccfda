import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@raaye/source'] },
  test: { name: 'protocol', environment: 'node', include: ['test/**/*.test.ts'] },
});
