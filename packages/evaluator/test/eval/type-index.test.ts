// The `Resources.*[ Type == X ]` index gives exactly what evaluating the filter gives: compare the
// indexed path (verdicts only) with the recording path (which never uses the index).
import { describe, expect, it } from 'vitest';
import { compiled } from './evaluate-helpers.js';
import { evaluate } from '../../src/api/evaluate.js';
import { yamlDocument } from './plain-document.js';

const RULES = `let queues = Resources.*[ Type == "AWS::SQS::Queue" ]
let QUEUE = "AWS::SQS::Queue"
rule literal_type { Resources.*[ Type == "AWS::SQS::Queue" ].Properties.Name exists }
rule variable_type { Resources.*[ Type == %QUEUE ] { Properties exists } }
rule via_let { %queues !empty }
rule type_block { AWS::SQS::Queue { Properties.Name == "q" } }
`;

const DOCUMENTS = [
  'Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {Name: q}}\n  B: {Type: AWS::S3::Bucket}\n',
  'Resources:\n  Q: {type: AWS::SQS::Queue, Properties: {Name: q}}\n',
  'Resources:\n  Q: {Type: [AWS::SQS::Queue], Properties: {Name: q}}\n',
  'Resources:\n  Q: {Type: AWS::SQS::Queue}\n  S: scalar\n',
  'Resources: {}\n',
  'Resources:\n  B: {Type: AWS::S3::Bucket}\n',
];

describe('type index', () => {
  it('an unknown variable in the filter fails only when the filter would run', () => {
    const rules = compiled('rule r { Resources.*[ Type == %NOPE ] exists }\n');
    for (const text of ['Resources: {}\n', 'Resources:\n  A: {Type: T}\n']) {
      const indexed = evaluate(rules, yamlDocument(text), { record: false });
      const filtered = evaluate(rules, yamlDocument(text), { completeEvents: true });
      expect(indexed.ok ? indexed.report.status : indexed.error.code).toBe(filtered.ok ? filtered.report.status : filtered.error.code);
    }
  });

  it.each(DOCUMENTS.map((d, i) => [i, d] as const))('document %i: indexed and filtered evaluation agree', (_i, text) => {
    const rules = compiled(RULES);
    const document = yamlDocument(text);
    const indexed = evaluate(rules, document, { record: false });
    const filtered = evaluate(rules, document, { completeEvents: true });
    const summary = (r: typeof indexed) => (r.ok ? r.report.rules.map((x) => `${x.name}:${x.status}`) : r.error.code);
    expect(summary(indexed)).toEqual(summary(filtered));
  });
});
