import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.mts', 'rules/vitest.config.mts', 'examples/*/vitest.config.mts'],
  },
});
