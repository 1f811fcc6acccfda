import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@raaye/source'] },
  test: {
    name: 'core',
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/_util/setup.ts'],
  },
});
