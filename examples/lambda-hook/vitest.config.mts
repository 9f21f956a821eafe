import { fileURLToPath } from 'node:url';
import { defineProject, type Plugin } from 'vitest/config';
import { readFileSync } from 'node:fs';

/** `.guard` files import as their text, as esbuild's text loader bundles them. */
const guardText: Plugin = {
  name: 'guard-text',
  load(id) {
    return id.endsWith('.guard') ? `export default ${JSON.stringify(readFileSync(id, 'utf8'))};` : null;
  },
};

export default defineProject({
  plugins: [guardText],
  resolve: {
    conditions: ['source'],
    alias: { '@guardts/config-adapter': fileURLToPath(new URL('../../packages/config-adapter/src/index.ts', import.meta.url)) },
  },
  test: {
    name: 'lambda-hook-example',
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
