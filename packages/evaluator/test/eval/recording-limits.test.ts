import { describe, expect, it } from 'vitest';
import { compiled } from './evaluate-helpers.js';
import { evaluate } from '../../src/api/evaluate.js';
import { toStructuredReport } from '../../src/report/structured-report.js';
import type { EvaluateOptions, EvaluationReport, EventRecord } from '../../src/report/types.js';
import { plainValue } from './plain-document.js';

/** `n` resources, each with X = x<i> and Y = y<i>. */
function template(n: number) {
  const resources: Record<string, unknown> = {};
  for (let i = 0; i < n; i++) resources[`R${i}`] = { Type: 'AWS::S3::Bucket', Properties: { X: `x${i}`, Y: `y${i}` } };
  return plainValue({ Resources: resources });
}

/** Every resource against every resource: n * n checks, of which n fail (R0's X, once per outer resource). */
const NESTED = "let all = Resources.*\nrule nested { %all[*] { %all[*] { Properties.X != 'x0' } } }\n";
/** Every resource's X against all Ys: n failing checks, each holding n values. */
const CROSS = 'let all = Resources.*\nrule cross { %all[*] { Properties.X == %all[*].Properties.Y } }\n';

function records(root: EventRecord | null): number {
  if (root === null) return 0;
  return 1 + root.children.reduce((sum, child) => sum + records(child), 0);
}

function errorCode(rules: string, n: number, options: EvaluateOptions): string {
  const result = evaluate(compiled(rules), template(n), options);
  return result.ok ? `verdict ${result.report.status}` : result.error.code;
}

describe('the bound on recorded checks (maxChecks)', () => {
  it('stops a recording that holds more records than allowed with its own error, never a verdict', () => {
    const result = evaluate(compiled(CROSS), template(40), { maxChecks: 20 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('checks-exceeded');
      expect(result.error.message).toContain('more than 20 checks');
    }
  });

  it('lets the same evaluation finish under the default bound', () => {
    const result = evaluate(compiled(CROSS), template(40));
    expect(result.ok && result.report.status).toBe('FAIL');
  });

  it('does not apply to a verdict-only evaluation, which holds no records', () => {
    expect(errorCode(CROSS, 40, { maxChecks: 5, record: false })).toBe('verdict FAIL');
  });

  it('applies to the complete event tree and to the --explain trace', () => {
    expect(errorCode(CROSS, 40, { maxChecks: 20, completeEvents: true })).toBe('checks-exceeded');
    expect(errorCode(CROSS, 40, { maxChecks: 20, trace: true })).toBe('checks-exceeded');
  });

  it('counts the records held, not the checks run: a cross product with few failures fits a small bound', () => {
    const n = 60;
    // 3,600 checks run, but the reports' tree holds only the failing ones and the records above them.
    const pruned = evaluate(compiled(NESTED), template(n), { maxChecks: 400 });
    expect(pruned.ok && pruned.report.status).toBe('FAIL');
    expect(errorCode(NESTED, n, { maxChecks: 400, completeEvents: true })).toBe('checks-exceeded');
  });
});

describe('the heap guard (heapFraction)', () => {
  it('stops a recording when the used heap passes the fraction of the heap limit', () => {
    // Any heap is more than a billionth of the limit; the heap is looked at every 4,096 records.
    expect(errorCode(NESTED, 70, { heapFraction: 1e-9, completeEvents: true })).toBe('memory-exceeded');
  });

  it('is not looked at when turned off, nor by a recording too small to reach a look', () => {
    expect(errorCode(NESTED, 70, { heapFraction: null, completeEvents: true })).toBe('verdict FAIL');
    expect(errorCode(NESTED, 10, { heapFraction: 1e-9, completeEvents: true })).toBe('verdict FAIL');
  });
});

describe("the reports' recording keeps only what reports read", () => {
  const CASES: Record<string, { rules: string; data: unknown }> = {
    'a cross product with one failing value': { rules: NESTED, data: null },
    'a disjunction whose first branch fails': {
      rules: 'rule r { Resources.*.Properties { X == "no" or X exists\n Y == "no" } }\n',
      data: null,
    },
    'some, when and a failed condition': {
      rules: 'rule c when Resources.R0.Properties.X == "x9" { Resources exists }\nrule s { some Resources.*.Properties.X == "x1"\n Resources.*.Properties.Y == "y1" }\nrule w { Resources.* { when Properties.X != "x0" { Properties.Y == "y2" } } }\n',
      data: null,
    },
    'a block whose query finds nothing and a rule reference': {
      rules: 'rule a { Resources.*.Properties.Missing { this exists } }\nrule b { a\n Resources.*.Properties.X in ["x1", "x2"] }\nrule d { Resources.*[ Type == "AWS::None" ] !empty }\n',
      data: null,
    },
  };

  for (const [name, { rules }] of Object.entries(CASES)) {
    it(`gives the structured report the complete tree gives: ${name}`, () => {
      const compiledRules = compiled(rules);
      const pruned = evaluate(compiledRules, template(8));
      const complete = evaluate(compiledRules, template(8), { completeEvents: true });
      if (!pruned.ok || !complete.ok) throw new Error('both evaluations must finish');
      expect(pruned.report.status).toBe('FAIL');
      expect(toStructuredReport('data', [pruned.report])).toEqual(toStructuredReport('data', [complete.report]));
      expect(records(pruned.report.events)).toBeLessThanOrEqual(records(complete.report.events));
    });
  }

  it('holds a small part of the complete tree when few checks fail', () => {
    const rules = compiled(NESTED);
    const pruned = evaluate(rules, template(30));
    const complete = evaluate(rules, template(30), { completeEvents: true });
    if (!pruned.ok || !complete.ok) throw new Error('both evaluations must finish');
    expect(records(complete.report.events)).toBeGreaterThan(900);
    expect(records(pruned.report.events) * 5).toBeLessThan(records(complete.report.events));
  });
});

describe('the structured report of a huge failure', () => {
  it('lists the 200,000 failed checks of a block (more than a spread of arguments can take)', () => {
    const value = plainValue('x', '/Resources/R/Properties/X');
    const check: EventRecord = {
      context: ' Properties.X EQUALS  "nope"',
      record: {
        kind: 'ClauseValueCheck',
        check: { kind: 'Comparison', status: 'FAIL', message: null, customMessage: null, comparison: ['Eq', false], from: { kind: 'resolved', value }, to: { kind: 'literal', value }, span: null },
      },
      children: [],
    };
    const block: EventRecord = {
      context: 'BlockGuardClause#0',
      record: { kind: 'BlockGuardCheck', block: { status: 'FAIL', atLeastOneMatches: false, message: null } },
      children: new Array<EventRecord>(200_000).fill(check),
    };
    const rule: EventRecord = { context: 'r', record: { kind: 'RuleCheck', name: 'r', status: 'FAIL', message: null }, children: [block] };
    const report: EvaluationReport = {
      rulesFile: 'rules.guard',
      status: 'FAIL',
      rules: [],
      events: { context: 'File(rules=1)', record: { kind: 'FileCheck', name: 'data', status: 'FAIL', message: null }, children: [rule] },
      trace: null,
    };
    const [failed] = toStructuredReport('data', [report]).not_compliant;
    expect(failed !== undefined && 'Rule' in failed && failed.Rule.checks.length).toBe(200_000);
  });
});

describe('the checks of one `in` clause share their right-hand side', () => {
  it('in the event tree and in the structured report: n values once, not once per check', () => {
    // The inner clause compares each of the 12 Xs with the 12 Ys: 12 failing checks per resource.
    const rules = compiled('let all = Resources.*\nrule r { Resources.R0 { %all[*].Properties.X == %all[*].Properties.Y } }\n');
    const result = evaluate(rules, template(12));
    if (!result.ok) throw new Error(result.error.message);
    const targets = new Set<unknown>();
    let checks = 0;
    const visit = (record: EventRecord): void => {
      if (record.record.kind === 'ClauseValueCheck' && record.record.check.kind === 'InComparison') {
        checks++;
        targets.add(record.record.check.to);
      }
      record.children.forEach(visit);
    };
    if (result.report.events !== null) visit(result.report.events);
    expect(checks).toBe(12);
    expect(targets.size).toBe(1);
    const reported = new Set<unknown>();
    const walk = (item: unknown): void => {
      if (item === null || typeof item !== 'object') return;
      if ('InResolved' in item) reported.add((item as { InResolved: { to: unknown } }).InResolved.to);
      Object.values(item).forEach(walk);
    };
    walk(toStructuredReport('data', [result.report]).not_compliant);
    expect(reported.size).toBe(1);
  });
});
