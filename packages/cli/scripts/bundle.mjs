// Bundles the CLI into one ESM file so a cold start loads one module instead of hundreds.
// The AWS SDK stays external and is imported lazily by the commands that talk to Config.
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../src/main.ts', import.meta.url).pathname],
  outfile: new URL('../dist/guardts.bundle.mjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  conditions: ['source'],
  external: ['@aws-sdk/*', '@smithy/*'],
  banner: { js: "import { createRequire as __guardtsCreateRequire } from 'node:module'; const require = __guardtsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
