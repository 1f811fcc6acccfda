import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['@raaye/source'] },
  test: {
    name: 'widget',
    environment: 'happy-dom',
    // Real CSS strings for `?inline` imports (the shadow root's styles are under test).
    css: true,
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
