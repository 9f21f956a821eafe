import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['source'] },
  test: {
    name: 'rules',
    include: ['test/**/*.test.ts'],
    // Every rule spawns the built CLI and the reference binary.
    testTimeout: 120_000,
  },
});
