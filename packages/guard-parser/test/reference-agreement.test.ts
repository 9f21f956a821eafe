// File-by-file agreement with `cfn-guard parse-tree -r FILE` (exit 0 = accepted) over every
// `.guard` file of the shared corpus and probe cases.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRules, printRules } from '../src/index.js';
import { grammarArbitraries } from './arbitraries/ast-arbitraries.js';
import { referenceBinary, runReference } from '../../../test-support/reference-binary.js';
import { describeShared } from '../../../test-support/shared-corpus.js';

function guardFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.guard'))
    .map((path) => join(dir, path))
    .sort();
}

describeShared('guard-parser accepts exactly the files cfn-guard 3.1.1 accepts', (shared) => {
  const files = [...guardFilesUnder(join(shared, 'corpus')), ...guardFilesUnder(join(shared, 'spec', 'probe-cases'))];

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(500);
  });

  if (referenceBinary() === null) {
    it.skip('SKIPPED: the cfn-guard 3.1.1 binary is unavailable (scripts/get-reference-binary.mjs failed)', () => {});
    return;
  }

  it('agrees with `cfn-guard parse-tree` on every .guard file', () => {
    const disagreements: string[] = [];
    let rejectedByReference = 0;
    for (const file of files) {
      const accepted = runReference(['parse-tree', '-r', file]).status === 0;
      if (!accepted) rejectedByReference++;
      const { ast, diagnostics } = parseRules(readFileSync(file, 'utf8'), { fileName: file });
      if ((ast !== null) !== accepted) {
        const why = diagnostics[0] === undefined ? 'no diagnostic' : `${diagnostics[0].span.start.line}:${diagnostics[0].span.start.column} ${diagnostics[0].message}`;
        disagreements.push(`${relative(shared, file)}: cfn-guard ${accepted ? 'accepts' : 'rejects'}, guardts ${ast !== null ? 'accepts' : 'rejects'} (${why})`);
      }
    }
    expect(disagreements).toEqual([]);
    // The corpus exercises both verdicts.
    expect(rejectedByReference).toBeGreaterThan(0);
  });
});

describe('guard-parser on rejected files', () => {
  it('reports at least one error diagnostic whenever it returns no AST', () => {
    const { ast, diagnostics } = parseRules('rule r {\n  Cfg.Mode Exists\n}\n', { fileName: 'r.guard' });
    expect(ast).toBeNull();
    expect(diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });
});

describe('printRules output is accepted by cfn-guard 3.1.1', () => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: the cfn-guard 3.1.1 binary is unavailable (scripts/get-reference-binary.mjs failed)', () => {});
    return;
  }
  it('for generated ASTs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-printed-'));
    const file = join(dir, 'printed.guard');
    const rejected: string[] = [];
    for (const ast of fc.sample(grammarArbitraries(2).rulesFile, { numRuns: 80, seed: 20261126 })) {
      const text = printRules(ast);
      writeFileSync(file, text);
      if (runReference(['parse-tree', '-r', file]).status !== 0) rejected.push(text);
    }
    expect(rejected).toEqual([]);
  });
});
