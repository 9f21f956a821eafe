// `guardts rulegen` against cfn-guard 3.1.1: the expected output shipped with the reference's
// own tests, and the binary itself on the development templates. The reference walks hash maps,
// so types, clauses and `IN` values come out in a different order on every run: outputs are
// compared as sets.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseRules } from '@guardts/guard-parser';
import { expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../test-support/reference-binary.js';
import { describeShared } from '../../../test-support/shared-corpus.js';
import { run } from '../src/commands/rulegen.js';
import { captureIo } from '../src/io.js';

/** Rule blocks as sorted lines, with the values of `IN [...]` sorted too. */
function canonical(rules: string): string[] {
  const blocks = rules.split(/(?=^let )/m).filter((block) => block.trim() !== '');
  return blocks
    .map((block) =>
      block
        .trimEnd()
        .split('\n')
        .map((line) => line.replace(/ IN \[(.*)\]$/, (_all, values: string) => ` IN [${splitTopLevel(values).sort().join(', ')}]`))
        .sort()
        .join('\n'),
    )
    .sort();
}

/** Splits `a, "b, c", [d, e]` at the commas that separate values. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quote !== null) {
      if (char === '\\') index += 1;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '{') depth += 1;
    else if (char === ']' || char === '}') depth -= 1;
    else if (char === ',' && depth === 0) {
      parts.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

async function guardtsRulegen(template: string): Promise<{ status: number; stdout: string }> {
  const io = captureIo();
  const status = await run(['-t', template], io);
  return { status, stdout: io.out() };
}

function templatesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return templatesUnder(path);
      return /\.(ya?ml|json|template)$/.test(name) ? [path] : [];
    });
}

describeShared('guardts rulegen against the reference', (shared) => {
  it('matches the expected output of cfn-guard’s own rulegen test, for the YAML and the JSON template', async () => {
    const resources = join(shared, 'corpus', 'guard-resources', 'rulegen');
    const expected = readFileSync(join(resources, 'output-dir', 'test_rulegen_from_template.out'), 'utf8');
    for (const name of ['s3-public-read-prohibited-template-compliant.yaml', 's3-public-read-prohibited-template-compliant.json']) {
      const result = await guardtsRulegen(join(resources, 'data-dir', name));
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(expected);
    }
  });

  it('writes rules that parse for every development template, short-form tags included', async () => {
    const root = join(shared, 'corpus', 'templates-dev', 'templates');
    const failures: string[] = [];
    let generated = 0;
    for (const template of templatesUnder(root)) {
      const ours = await guardtsRulegen(template);
      if (ours.status !== 0) {
        failures.push(`${relative(root, template)}: exit ${ours.status}`);
        continue;
      }
      generated += 1;
      const errors = parseRules(ours.stdout, { fileName: 'generated.guard' }).diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0) failures.push(`${relative(root, template)}: ${errors[0]?.message}`);
    }
    // The only templates refused are the three whose resource `Type` is a Rain module map (cfn-guard panics on them).
    expect(failures.map((failure) => failure.split(':')[0])).toEqual([
      join('CloudFormation', 'StackSets', 'common-resources.json'),
      join('Solutions', 'Gitea', 'Gitea.json'),
      join('Solutions', 'VSCode', 'VSCodeServer.json'),
    ]);
    expect(generated).toBeGreaterThan(140);
  });

  if (referenceBinary() === null) {
    it.skip('SKIPPED: cfn-guard 3.1.1 is not available (run `pnpm reference`)', () => {});
    return;
  }

  it('gives the same rules as cfn-guard 3.1.1 on every development template it handles', async () => {
    const root = join(shared, 'corpus', 'templates-dev', 'templates');
    let compared = 0;
    const mismatches: string[] = [];
    for (const template of templatesUnder(root)) {
      const reference = runReference(['rulegen', '-t', template]);
      // Exit 1 (short-form tags such as `!Ref`, which its reader rejects), 101 (a panic) or 0
      // with nothing written (its output did not parse) are the reference failing: no parity to check.
      if (reference.status !== 0 || reference.stderr !== '') continue;
      compared += 1;
      const ours = await guardtsRulegen(template);
      if (ours.status !== 0 || JSON.stringify(canonical(ours.stdout)) !== JSON.stringify(canonical(reference.stdout))) {
        mismatches.push(relative(root, template));
      }
    }
    expect(compared).toBeGreaterThan(50);
    expect(mismatches).toEqual([]);
  });
});
