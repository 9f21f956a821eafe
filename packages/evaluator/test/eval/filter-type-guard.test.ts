// Filters with a line on `Type` among other clauses (`Resources.*[ Type == X  Metadata… ]`): the
// type index narrows their candidates in verdicts-only evaluation. Compare that path with the
// recording path (which never uses the index), and check which filters qualify.
import { describe, expect, it } from 'vitest';
import { compiled } from './evaluate-helpers.js';
import { evaluate, type EvaluateResult } from '../../src/api/evaluate.js';
import type { CompiledConjunctions, CompiledGuardClause, CompiledPart, CompiledRules } from '../../src/compile/ir.js';
import { filterTypeGuard } from '../../src/eval/filter-type-guard.js';
import { yamlDocument } from './plain-document.js';

const RULES = `let TYPES = ["AWS::SQS::Queue", "AWS::SNS::Topic"]
let queues = Resources.*[ Type == "AWS::SQS::Queue"
  Metadata.guard.SuppressedRules not exists or
  Metadata.guard.SuppressedRules.* != "Q"
]
let messaging = Resources.*[ Type in %TYPES  Properties exists ]
let by_regex = Resources.*[ Type in [ /SQS/, /Bucket/ ]  Properties.Name == /^q/ ]
let not_queues = Resources.*[ Type != "AWS::SQS::Queue"  Properties exists ]
let with_block = Resources.*[ Type == "AWS::SQS::Queue"  some Properties.Tags[*] { Key == "a" } ]
rule queues_named when %queues !empty { %queues.Properties.Name exists }
rule messaging_order { %messaging.Properties.Name == ["q", "t", "q2"] }
rule regex_names when %by_regex !empty { %by_regex.Properties.Name == /^q/ }
rule others when %not_queues !empty { %not_queues.Properties.Name exists }
rule tagged { %with_block !empty }
`;

const DOCUMENTS = [
  'Resources:\n  Q: {Type: AWS::SQS::Queue, Properties: {Name: q, Tags: [{Key: a}]}}\n  T: {Type: AWS::SNS::Topic, Properties: {Name: t}}\n  Q2: {Type: AWS::SQS::Queue, Properties: {Name: q2}}\n',
  'Resources:\n  Q: {Type: AWS::SQS::Queue, Metadata: {guard: {SuppressedRules: [Q]}}, Properties: {Name: 5}}\n  B: {Type: AWS::S3::Bucket, Properties: {Name: qb}}\n',
  'Resources:\n  B: {Type: AWS::S3::Bucket, Properties: {Name: [1, 2]}}\n  T: {Type: AWS::SNS::Topic}\n',
  'Resources:\n  Q: {type: AWS::SQS::Queue, Properties: {Name: q}}\n',
  'Resources:\n  Q: {Type: [AWS::SQS::Queue], Properties: {Name: q}}\n',
  'Resources:\n  Q: {Type: AWS::SQS::Queue}\n  S: scalar\n',
  'Resources: {}\n',
];

const summary = (r: EvaluateResult) => (r.ok ? r.report.rules.map((x) => `${x.name}:${x.status}`) : r.error.code);

/** The filters of the file-level `let`s, by variable name. */
function filtersOf(rules: CompiledRules): Map<string, CompiledConjunctions<CompiledGuardClause>> {
  const found = new Map<string, CompiledConjunctions<CompiledGuardClause>>();
  for (const [name, query] of rules.assignments.queries) {
    const part = query.parts.find((p): p is Extract<CompiledPart, { kind: 'filter' }> => p.kind === 'filter');
    if (part !== undefined) found.set(name, part.clauses);
  }
  return found;
}

describe('filters narrowed by a line on Type', () => {
  it('recognises the filters whose other clauses cannot raise an error', () => {
    const filters = filtersOf(compiled(RULES));
    expect(filterTypeGuard(filters.get('queues')!)).toEqual({ kind: 'equals', literal: 'AWS::SQS::Queue' });
    expect(filterTypeGuard(filters.get('with_block')!)).toEqual({ kind: 'equals', literal: 'AWS::SQS::Queue' });
    for (const name of ['messaging', 'by_regex', 'not_queues']) expect(filterTypeGuard(filters.get(name)!)?.kind).toBe('clause');
  });

  it('leaves alone filters with a clause that may raise (empty, nested filters, variables)', () => {
    const filters = filtersOf(
      compiled(`let a = Resources.*[ Type == "X"  Properties.P empty ]
let b = Resources.*[ Type == "X"  Properties.Tags[ Key == %a ] exists ]
let c = Resources.*[ Type == "X"  Properties.P == %a ]
let d = Resources.*[ Properties exists ]
`),
    );
    for (const name of ['a', 'b', 'c', 'd']) expect(filterTypeGuard(filters.get(name)!)).toBeNull();
  });

  it.each(DOCUMENTS.map((d, i) => [i, d] as const))('document %i: narrowed and full evaluation agree', (_i, text) => {
    const rules = compiled(RULES);
    const document = yamlDocument(text);
    expect(summary(evaluate(rules, document, { record: false }))).toEqual(summary(evaluate(rules, document, { completeEvents: true })));
  });

  it('keeps the runtime error a skipped value would raise', () => {
    const rules = compiled('rule r { Resources.*[ Type == "A"  Properties.P empty ] exists }\n');
    const document = yamlDocument('Resources:\n  A: {Type: A, Properties: {P: []}}\n  B: {Type: B, Properties: {P: 5}}\n');
    const narrowed = evaluate(rules, document, { record: false });
    expect(summary(narrowed)).toBe('not-applicable-operator');
    expect(summary(evaluate(rules, document, { completeEvents: true }))).toBe('not-applicable-operator');
  });

  it('an unknown variable in the Type line fails as the filter would, and not on an empty map', () => {
    const rules = compiled('rule r { Resources.*[ Type in %NOPE  Properties exists ] exists }\n');
    for (const text of ['Resources: {}\n', 'Resources:\n  A: {Type: T, Properties: {}}\n']) {
      const document = yamlDocument(text);
      expect(summary(evaluate(rules, document, { record: false }))).toEqual(summary(evaluate(rules, document, { completeEvents: true })));
    }
    expect(summary(evaluate(rules, yamlDocument('Resources:\n  A: {Type: T}\n'), { record: false }))).toBe('unknown-variable');
  });
});
