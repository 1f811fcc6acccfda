import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@raaye/source'] },
  test: {
    name: 'widget',
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
