import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'config-adapter',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
