// Bundles the CLI into dist/bundle/ (one chunk per sub-command) so that a cold start loads a
// few files instead of hundreds of modules. The AWS SDK stays external: only the commands that
// talk to Config import it.
import { build } from 'esbuild';

await build({
  entryPoints: { main: new URL('../src/main.ts', import.meta.url).pathname },
  outdir: new URL('../dist/bundle', import.meta.url).pathname,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  conditions: ['source'],
  external: ['@aws-sdk/*', '@smithy/*'],
  banner: { js: "import { createRequire as __guardtsCreateRequire } from 'node:module'; const require = __guardtsCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
