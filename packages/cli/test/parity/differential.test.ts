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
const line = fc.oneof({ weight: 3, arbitrary: clause }, { weight: 1, arbitrary: fc.tuple(clause, clause).map(([a, b]) => `${a} or ${b}`) });
const rule = fc.tuple(fc.option(clause, { nil: undefined }), fc.array(line, { minLength: 1, maxLength: 3 })).map(([when, lines]) => ({ when, lines }));
const rulesArbitrary = fc.array(rule, { minLength: 1, maxLength: 4 }).map((rules) =>
  rules.map((r, index) => `rule r${index}${r.when === undefined ? '' : ` when ${r.when}`} {\n${r.lines.map((l) => `  ${l}`).join('\n')}\n}\n`).join(''),
);

const binary_available = referenceBinary() !== null;

describe('differential: guardts vs cfn-guard 3.1.1 on generated rules and data', () => {
  if (!binary_available) {
    it.skip('SKIPPED: the reference binary is not available (scripts/get-reference-binary.mjs failed)', () => {});
    return;
  }
  it(`agrees on exit codes and rule statuses (${RUNS} runs)`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'guardts-diff-'));
    try {
      fc.assert(
        fc.property(rulesArbitrary, documentArbitrary, (rulesText, document) => {
          writeFileSync(join(dir, 'rules.guard'), rulesText);
          writeFileSync(join(dir, 'data.json'), JSON.stringify(document, null, 1));
          const args = ['validate', '-r', 'rules.guard', '-d', 'data.json', '-z', '-o', 'json', '-S', 'none'];
          const reference = runReference(args, { cwd: dir });
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
    }
  }, Math.max(120_000, RUNS * 250));
});
