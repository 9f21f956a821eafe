#!/usr/bin/env node
// Bundles the hook into dist/index.mjs: one ESM file for the nodejs22.x runtime, the rule text
// included. esbuild comes from the CLI package's devDependencies.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(new URL('../../packages/cli/package.json', import.meta.url));
const { build } = await import(require.resolve('esbuild'));

const outfile = fileURLToPath(new URL('./dist/index.mjs', import.meta.url));
await build({
  entryPoints: [fileURLToPath(new URL('./src/handler.ts', import.meta.url))],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  conditions: ['source'],
  loader: { '.guard': 'text' },
  // The example is not a workspace package: point the import at the adapter's sources; their own
  // imports resolve from packages/config-adapter.
  alias: { '@guardts/config-adapter': fileURLToPath(new URL('../../packages/config-adapter/src/index.ts', import.meta.url)) },
  // The AWS SDK is not used by the hook; keep any transitive import out of the bundle.
  external: ['@aws-sdk/*', '@smithy/*'],
  banner: { js: "import { createRequire as __hookCreateRequire } from 'node:module'; const require = __hookCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
process.stdout.write(`${outfile}\n`);
