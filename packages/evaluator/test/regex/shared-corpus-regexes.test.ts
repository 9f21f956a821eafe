import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseRules } from '@guardts/guard-parser';
import { expect, it } from 'vitest';
import { compileGuardRegex } from '../../src/regex/guard-regex.js';
import { describeShared } from '../../../../test-support/shared-corpus.js';

function guardFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return guardFiles(path);
    return entry.name.endsWith('.guard') ? [path] : [];
  });
}

/** Every regex literal, and every string given to regex_replace as its pattern, in an AST. */
function patternsIn(node: unknown, found: string[]): string[] {
  if (Array.isArray(node)) {
    for (const item of node) patternsIn(item, found);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (record.kind === 'RegexLiteral' && typeof record.pattern === 'string') found.push(record.pattern);
    if (record.kind === 'FunctionCall' && (record.name as { name?: string } | undefined)?.name === 'regex_replace') {
      const pattern = (record.arguments as { kind: string; value?: unknown }[])[1];
      if (pattern?.kind === 'StringLiteral' && typeof pattern.value === 'string') found.push(pattern.value);
    }
    for (const [key, value] of Object.entries(record)) if (key !== 'span') patternsIn(value, found);
  }
  return found;
}

describeShared('every regex of the shared corpus compiles (cfn-guard 3.1.1 parses all these files)', (shared) => {
  // Files the reference itself rejects (parse-error probe cases and test resources) are left out
  // by parsing them first: only files that parse contribute patterns.
  const files = guardFiles(shared);
  const patterns = new Map<string, string>();
  for (const file of files) {
    const parsed = parseRules(readFileSync(file, 'utf8'), { fileName: file });
    if (parsed.ast === null) continue;
    for (const pattern of patternsIn(parsed.ast, [])) if (!patterns.has(pattern)) patterns.set(pattern, relative(shared, file));
  }

  it('finds the corpus patterns', () => {
    expect(files.length).toBeGreaterThan(400);
    expect(patterns.size).toBeGreaterThan(50);
  });

  it('compiles each distinct pattern', () => {
    const failures = [...patterns]
      .map(([pattern, file]) => ({ pattern, file, compiled: compileGuardRegex(pattern) }))
      .filter(({ compiled }) => !compiled.ok)
      .map(({ pattern, file, compiled }) => `${file}: /${pattern}/: ${compiled.ok ? '' : compiled.message}`);
    expect(failures).toEqual([]);
  });
});
