// Live check against cfn-guard 3.1.1 (when the binary is available): the `validate` loader must
// type every value as the reference does, and refuse exactly the files the reference refuses.
// The same facts are written out as fixed expectations in the other suites, which run without
// the binary; this one catches a drift between those expectations and the reference itself.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument, loadTestSpecDocument } from '../../src/index.js';
import type { Value } from '../../src/index.js';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { at } from './helpers.js';

const KINDS = ['string', 'int', 'float', 'bool', 'null', 'list', 'struct'] as const;
const kindName = (value: Value) => (value.kind === 'map' ? 'struct' : value.kind);

// inf/NaN are left out: they load as floats, but the reference's JSON report cannot print them.
const VALUES = [
  '1.10', '"1.10"', 'True', 'true', 'yes', '', '~', 'Null', 'nUll', '0x1F', '012', '+5', '-0', '1e3', '.5', '5.', '1e', '.',
  '2024-01-01', '9223372036854775807', '9223372036854775808', '1_000', "'5'", '!!str 5', '!!int "5"', '!!float 1',
  '!!bool True', '!!null foo', '!Ref x', '!GetAtt a.b', '!GetAtt [a, b]', '!Base64 {a: 1}', '!Custom 5', '!Custom [1]',
  '!If x', '!Ref [a, b]', '[1, 2]', '{a: 1}', '|\n  block\n', '!Sub [a, {b: c}]',
];

const DOCUMENTS = [
  'A: &base {x: 1}\nB: *base\n',
  'A: 1\n10: ten\n',
  'Stats:\n  avg: 1\n  inf: 2\n',
  '? [a]\n: b\n',
  '!Ref x: 1\n',
  'V: !!int abc\n',
  'V: [1, 2',
  '{"V": [1, 2',
  '{"V": 1.0, "D": 1, "D": 2, "U": "\\u00e9",}',
  '{"V": "\\ud83d\\ude00"}',
  'V: 1\n---\nW: [\n',
  '',
  '  \n',
  '\uFEFFV: 1\n',
  'V: a\u0001b\n',
  'V: a\u0085b\n',
  'V: a\tb\n',
  'V: [a, , b]\n',
  'V: {a: 1, b}\n',
  'V: [a, b]]\n',
  'V:\n\t- a\n',
  'V: a: b\n',
  '- a\nb: c\n',
  `${'k'.repeat(1100)}: v\n`,
  '{a: 1}: x\n',
  'V: !foo!bar x\n',
  '--- V: 1\n',
  '\tV: 1\n',
  'V: "a"b\n',
  'a:\n  b: 1\n c: 2\n',
  'R:\n  S: [\n    a\n  ]\n',
  '%TAG !e! tag:e.com:\n---\nV: !e!x 1\n',
];

describe('validate loader against cfn-guard 3.1.1', () => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: cfn-guard 3.1.1 is not available (run `pnpm reference`)', () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'guardts-documents-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'k.guard'), KINDS.map((kind) => `rule k_${kind} { V is_${kind} }`).join('\n') + '\n');
  writeFileSync(join(dir, 'e.guard'), 'rule r { this exists }\n');

  it.each(VALUES)('types V: %s the same way', (written) => {
    const text = `V: ${written}\n`;
    writeFileSync(join(dir, 'k.yaml'), text);
    const reference = runReference(['validate', '-r', 'k.guard', '-d', 'k.yaml', '-z', '-o', 'json', '-S', 'none'], { cwd: dir });
    const compliant: string[] = JSON.parse(reference.stdout)[0].compliant;
    const referenceKinds = compliant.filter((name) => name.startsWith('k_')).map((name) => name.slice(2));
    const loaded = loadDocument(text, { fileName: 'k.yaml' });
    if (!loaded.ok) expect.fail(loaded.error.message);
    expect([kindName(at(loaded.document, 'V'))]).toEqual(referenceKinds);
  });

  it.each(DOCUMENTS)('reads or refuses %j the same way', (text) => {
    writeFileSync(join(dir, 'd.yaml'), text);
    const reference = runReference(['validate', '-r', 'e.guard', '-d', 'd.yaml', '-S', 'none'], { cwd: dir });
    const loaded = loadDocument(text, { fileName: 'd.yaml' });
    expect(loaded.ok ? 'loaded' : 'refused').toBe(reference.status === 255 ? 'refused' : 'loaded');
  });
});

describe('test spec loader against cfn-guard 3.1.1', () => {
  if (referenceBinary() === null) {
    it.skip('SKIPPED: cfn-guard 3.1.1 is not available (run `pnpm reference`)', () => {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'guardts-test-specs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'k.guard'), KINDS.map((kind) => `rule k_${kind} { V is_${kind} }`).join('\n') + '\n');

  it.each(['True', 'NULL', 'nUll', '0x10', '0o17', '012', '.inf', 'inf', '1e400', '18446744073709551615', '!Custom 5', '!If x', '!Base64 {a: 1}', '"5"', ''])(
    'types V: %s the same way',
    (written) => {
      const text = `- name: t\n  input:\n    V: ${written}\n  expectations:\n    rules:\n${KINDS.map((kind) => `      k_${kind}: PASS`).join('\n')}\n`;
      writeFileSync(join(dir, 'k_tests.yaml'), text);
      const reference = runReference(['test', '-r', 'k.guard', '-t', 'k_tests.yaml'], { cwd: dir });
      const passed = [...reference.stdout.matchAll(/k_(\w+): Expected = PASS$/gm)].map((match) => match[1]);
      const loaded = loadTestSpecDocument(text, { fileName: 'k_tests.yaml' });
      if (!loaded.ok) expect.fail(loaded.error.message);
      expect([kindName(at(loaded.document, 0, 'input', 'V'))]).toEqual(passed);
    },
  );
});
