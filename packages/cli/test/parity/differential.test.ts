// Differential property test: generated rules files and data documents, evaluated by guardts
// in-process and by the reference binary; exit code and per-rule statuses must agree.
// ~200 runs by default; GUARDTS_DIFF_RUNS=N for more. Skipped loudly without the binary.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceBinary, runReference } from '../../../../test-support/reference-binary.js';
import { runInProcess, statusesFromStructuredJson } from '../support/in-process.js';

const RUNS = Number(process.env.GUARDTS_DIFF_RUNS ?? 200);

const word = fc.constantFrom('a', 'b', 'prod', 'dev', 'Prod', 'x-1', '', 'AWS::S3::Bucket', 'AWS::SQS::Queue', '10', 'true');
const scalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, 1.5, 2.0, 10.25),
  word,
  fc.boolean(),
  fc.constant(null),
);
const dataValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('a', 'b', 'c'), scalar, { maxKeys: 2 }) },
);

const documentArbitrary = fc.record({
  Resources: fc.dictionary(
    fc.constantFrom('R1', 'R2', 'Bucket'),
    fc.record({ Type: fc.constantFrom('AWS::S3::Bucket', 'AWS::SQS::Queue'), Properties: fc.dictionary(fc.constantFrom('a', 'b', 'Name'), dataValue, { maxKeys: 3 }) }),
    { maxKeys: 3 },
  ),
  Data: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'list'), dataValue, { maxKeys: 4 }),
});

const literal: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 0, max: 12 }).map(String),
  fc.constantFrom('0.5', '1.5', '10.25'),
  word.map((text) => JSON.stringify(text)),
  fc.constantFrom('true', 'false', 'null'),
  fc.constantFrom('/^p/', '/b/', '/^AWS::S3/', '/\\d/'),
  fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), word.map((text) => JSON.stringify(text))), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
  fc.constantFrom('r[1, 5]', 'r(0, 10)'),
);

const query = fc.constantFrom(
  'Data.a',
  'Data.b',
  'Data.list',
  'Data.list[*]',
  'Data.list[0]',
  'Data.c.a',
  'Data.*',
  'Data.missing',
  'Resources.*.Properties.a',
  'Resources.*.Properties.Name',
  "Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.a",
  'Resources.*[ Properties.a exists ].Properties.b',
  'Resources[ keys == /^R/ ].Type',
  'some Data.list[*]',
  'Data[ keys == "a" ]',
);

const unary = fc.constantFrom('exists', 'not exists', 'empty', '!empty', 'is_string', 'is_list', 'is_struct', 'is_int', 'is_bool', '!is_string', 'is_null', 'is_float');
const binary = fc.constantFrom('==', '!=', '<', '>', '<=', '>=', 'in', 'not in', '!in');

const clause: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(query, unary).map(([q, op]) => `${q} ${op}`),
  fc.tuple(query, binary, literal).map(([q, op, rhs]) => `${q} ${op} ${rhs}`),
);
const blockQuery = fc.constantFrom('Resources.*', "Resources.*[ Type == 'AWS::S3::Bucket' ]", 'Data', 'Data.list[*]', 'Data.c', 'some Resources.*', 'Data.missing', 'Resources.*.Properties !empty');
const innerClause = fc.oneof(
  fc.tuple(fc.constantFrom('Properties.a', 'Properties.Name', 'Type', 'this', 'a', 'b', '*', 'keys'), unary).map(([q, op]) => `${q} ${op}`),
  fc.tuple(fc.constantFrom('Properties.a', 'Properties.Name', 'Type', 'this', 'a', 'b'), binary, literal).map(([q, op, rhs]) => `${q} ${op} ${rhs}`),
);
const functionClause = fc.oneof(
  fc.tuple(fc.constantFrom('Data.list[*]', 'Resources.*', 'Data.*', 'Data.missing'), fc.constantFrom('==', '>', '<=', '!='), fc.integer({ min: 0, max: 4 })).map(
    ([q, op, n]) => `let n = count(${q})\n  %n ${op} ${n}`,
  ),
  fc.tuple(fc.constantFrom('Data.a', 'Data.b', 'Resources.*.Type'), fc.constantFrom('to_upper', 'to_lower')).map(([q, f]) => `let t = ${f}(${q})\n  %t == "PROD"`),
  fc.constantFrom('let j = join(Data.list[*], ",")\n  %j == "a,b"', 'let s = substring(Data.a, 0, 1)\n  %s == "p"', 'let r = regex_replace(Data.a, "^(.)", "x$1")\n  %r exists'),
);
const line = fc.oneof(
  { weight: 6, arbitrary: clause },
  { weight: 2, arbitrary: fc.tuple(clause, clause).map(([a, b]) => `${a} or ${b}`) },
  { weight: 2, arbitrary: fc.tuple(blockQuery, fc.array(innerClause, { minLength: 1, maxLength: 2 })).map(([q, inner]) => `${q} {\n    ${inner.join('\n    ')}\n  }`) },
  { weight: 1, arbitrary: fc.tuple(clause, innerClause).map(([condition, inner]) => `when ${condition} {\n    Resources.* { ${inner} }\n  }`) },
  { weight: 1, arbitrary: functionClause },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('AWS::S3::Bucket', 'AWS::SQS::Queue'), innerClause).map(([type, inner]) => `${type} {\n    ${inner}\n  }`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Data.a', 'Data.list', 'Resources.*.Properties'), literal).map(([q, rhs]) => `check(${q}, ${rhs})`) },
);
const rule = fc.tuple(fc.option(clause, { nil: undefined }), fc.array(line, { minLength: 1, maxLength: 3 })).map(([when, lines]) => ({ when, lines }));
const references = fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3 })), { maxLength: 2 });
const rulesArbitrary = fc.tuple(fc.array(rule, { minLength: 1, maxLength: 4 }), references, fc.option(clause, { nil: undefined })).map(([rules, refs, loose]) =>
  [
    'rule check(value, expected) {\n  %value == %expected\n}\n',
    loose === undefined ? '' : `${loose}\n`,
    ...rules.map((r, index) => `rule r${index}${r.when === undefined ? '' : ` when ${r.when}`} {\n${r.lines.map((l) => `  ${l}`).join('\n')}\n}\n`),
    // References to earlier rules (a forward or missing reference is a runtime error, also compared).
    ...refs.map(([negated, target], index) => `rule ref${index} {\n  ${negated ? 'not ' : ''}r${Math.min(target, rules.length - 1)}\n}\n`),
  ].join(''),
);

/** YAML spellings whose typing differs between loaders (§9.2): the data side of the second property. */
const yamlScalar = fc.constantFrom('true', 'True', 'TRUE', 'false', '~', 'null', 'Null', 'NULL', '012', '+5', '-0', '1.10', '1e3', '.5', '5.', 'inf', 'NaN', '0x1F', '1_000', '2024-01-01', "'5'", '"true"', '!Ref Name', '!GetAtt a.b', '!Sub "x-${AWS::Region}"', '!Custom 5', '"prod"', 'prod', "''", '[1, 2]', '{a: 1}', '!!str 5', '!!int "7"', '!!float 2', '9223372036854775808');
const yamlDocument = fc.record({ a: yamlScalar, b: yamlScalar, c: yamlScalar }).map(({ a, b, c }) => `Data:\n  a: ${a}\n  b: ${b}\n  c: ${c}\n  list: [${a}, ${b}]\n`);
const yamlRules = fc.array(fc.tuple(fc.constantFrom('Data.a', 'Data.b', 'Data.c', 'Data.list[*]', 'Data.a.Ref', 'Data.b["Fn::GetAtt"]'), fc.oneof(unary.map((op) => ` ${op}`), fc.tuple(binary, literal).map(([op, rhs]) => ` ${op} ${rhs}`))), { minLength: 1, maxLength: 5 }).map((clauses) =>
  clauses.map(([query, rest], index) => `rule y${index} { ${query}${rest} }\n`).join(''),
);

const binary_available = referenceBinary() !== null;

describe('differential: guardts vs cfn-guard 3.1.1 on generated rules and data', () => {
  if (!binary_available) {
    it.skip('SKIPPED: the reference binary is not available (scripts/get-reference-binary.mjs failed)', () => {});
    return;
  }
  it(`agrees on exit codes and rule statuses (${RUNS} runs)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-diff-'));
    const exitCodes = new Map<number | null, number>();
    try {
      fc.assert(
        fc.property(rulesArbitrary, documentArbitrary, (rulesText, document) => {
          writeFileSync(join(dir, 'rules.guard'), rulesText);
          writeFileSync(join(dir, 'data.json'), JSON.stringify(document, null, 1));
          const args = ['validate', '-r', 'rules.guard', '-d', 'data.json', '-z', '-o', 'json', '-S', 'none'];
          const reference = runReference(args, { cwd: dir });
          exitCodes.set(reference.status, (exitCodes.get(reference.status) ?? 0) + 1);
          const ours = runInProcess(args, { cwd: dir });
          // A reference panic (101) is a documented divergence: guardts must then report a runtime error.
          const expectedExit = reference.status === 101 ? 255 : reference.status;
          expect({ exit: ours.status, statuses: statusesFromStructuredJson(ours.stdout) }, `rules:\n${rulesText}\ndata:\n${JSON.stringify(document)}\nguardts stderr: ${ours.stderr}\nreference stderr: ${reference.stderr.slice(0, 300)}`).toEqual({
            exit: expectedExit,
            statuses: reference.status === 101 ? {} : statusesFromStructuredJson(reference.stdout),
          });
        }),
        { numRuns: RUNS },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
      // How the generated cases ended in the reference (a suite of parse errors would prove little).
      if (process.env.GUARDTS_DIFF_STATS !== undefined) console.log('reference exit codes:', Object.fromEntries(exitCodes));
    }
  }, Math.max(120_000, RUNS * 250));

  it(`agrees on YAML data whose scalars, tags and numbers the loaders type differently (${RUNS} runs)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-diff-yaml-'));
    try {
      fc.assert(
        fc.property(yamlRules, yamlDocument, (rulesText, dataText) => {
          writeFileSync(join(dir, 'rules.guard'), rulesText);
          writeFileSync(join(dir, 'data.yaml'), dataText);
          const args = ['validate', '-r', 'rules.guard', '-d', 'data.yaml', '-z', '-o', 'json', '-S', 'none'];
          const reference = runReference(args, { cwd: dir });
          const ours = runInProcess(args, { cwd: dir });
          const expectedExit = reference.status === 101 ? 255 : reference.status;
          expect({ exit: ours.status, statuses: statusesFromStructuredJson(ours.stdout) }, `rules:\n${rulesText}\ndata:\n${dataText}\nguardts stderr: ${ours.stderr}\nreference stderr: ${reference.stderr.slice(0, 300)}`).toEqual({
            exit: expectedExit,
            statuses: reference.status === 101 ? {} : statusesFromStructuredJson(reference.stdout),
          });
        }),
        { numRuns: RUNS },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, Math.max(120_000, RUNS * 250));
});
