/**
 * Blocks, conditions and rules (cfn-guard 3.1.1 `eval.rs`): CNF aggregation, query blocks, `when`
 * blocks, type blocks, parameterized-rule calls, named rules and the rules file.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type {
  CompiledBlock,
  CompiledBlockClause,
  CompiledConjunctions,
  CompiledGuardClause,
  CompiledRule,
  CompiledRuleCall,
  CompiledTypeBlock,
} from '../compile/ir.js';
import type { CheckedValue, RuleVerdict, Status } from '../report/types.js';
import { abort, withSpan } from './abort.js';
import { evaluateAccessClause, evaluateRuleReference } from './clauses.js';
import { queryText } from '../compile/display.js';
import { resolveFunction } from './functions-bridge.js';
import { tracedQuery } from './clause-checks.js';
import { coveringSpan } from './trace-recorder.js';
import { BlockScope, ParameterScope, ValueScope, type EvalContext, type RootScope } from './scopes.js';

type ClauseEvaluator<T> = (clause: T, context: EvalContext) => Status;

/**
 * Record contexts of `or` groups: cfn-guard labels them with the Rust type of the clauses
 * (`std::any::type_name`), which its verbose event tree prints.
 */
export const DISJUNCTION_OF = {
  ruleClauses: 'cfn_guard::rules::exprs::RuleClause#disjunction',
  conditions: 'cfn_guard::rules::exprs::WhenGuardClause#disjunction',
  clauses: 'cfn_guard::rules::exprs::GuardClause#disjunction',
} as const;
type DisjunctionLabel = (typeof DISJUNCTION_OF)[keyof typeof DISJUNCTION_OF];

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Lines are ANDed, `or` alternatives: PASS as soon as one passes; SKIP never rescues a FAIL. */
export function evaluateConjunctions<T>(
  conjunctions: CompiledConjunctions<T>,
  context: EvalContext,
  evaluate: ClauseEvaluator<T>,
  label: DisjunctionLabel,
): Status {
  let passes = 0;
  let fails = 0;
  const recording = context.state.recorder.enabled;
  conjunction: for (const disjunction of conjunctions) {
    let disjunctionFails = 0;
    // Only the recorder reads whether a line has alternatives.
    const several = recording && disjunction.length > 1;
    if (several) context.startRecord(label);
    for (const clause of disjunction) {
      let status: Status;
      try {
        status = evaluate(clause, context);
      } catch (error) {
        if (several) {
          context.endRecord({ kind: 'Disjunction', block: { status: 'FAIL', atLeastOneMatches: true, message: `Disjunction failed due to error ${errorText(error)}, bailing` } });
        }
        throw error;
      }
      if (status === 'PASS') {
        passes++;
        if (several) context.endRecord({ kind: 'Disjunction', block: { status: 'PASS', atLeastOneMatches: true, message: null } });
        continue conjunction;
      }
      if (status === 'FAIL') disjunctionFails++;
    }
    if (disjunctionFails > 0) fails++;
    if (several) {
      context.endRecord({ kind: 'Disjunction', block: { status: disjunctionFails > 0 ? 'FAIL' : 'SKIP', atLeastOneMatches: true, message: null } });
    }
  }
  return fails > 0 ? 'FAIL' : passes > 0 ? 'PASS' : 'SKIP';
}

function evaluateBlock(block: CompiledBlock<CompiledGuardClause>, context: EvalContext, label: DisjunctionLabel = DISJUNCTION_OF.clauses): Status {
  const scope = new BlockScope(block.assignments, context.root(), context);
  const evaluate = label === DISJUNCTION_OF.ruleClauses ? evaluateRuleClause : evaluateGuardClause;
  return evaluateConjunctions(block.conjunctions, scope, evaluate, label);
}

/** A clause directly in a rule's body: the same, except that a `when` block is labelled `RuleClause`. */
function evaluateRuleClause(clause: CompiledGuardClause, context: EvalContext): Status {
  if (clause.kind === 'when') return evaluateWhenBlock('RuleClause', clause.conditions, clause.block, context, clause.span);
  return evaluateGuardClause(clause, context);
}

export function evaluateGuardClause(clause: CompiledGuardClause, context: EvalContext): Status {
  switch (clause.kind) {
    case 'access':
      return evaluateAccessClause(clause, context);
    case 'ruleReference':
      return evaluateRuleReference(clause, context);
    case 'ruleCall':
      return evaluateRuleCall(clause, context);
    case 'block':
      return evaluateBlockClause(clause, context);
    case 'when':
      return evaluateWhenBlock('GuardConditionClause', clause.conditions, clause.block, context, clause.span);
    case 'typeBlock':
      return evaluateTypeBlock(clause, context);
  }
}

function evaluateBlockClause(clause: CompiledBlockClause, context: EvalContext): Status {
  const matchAll = clause.query.matchAll;
  const recording = context.state.recorder.enabled;
  if (recording) context.startRecord(`BlockGuardClause#${clause.location}`);
  let values: CheckedValue[];
  try {
    values = tracedQuery(context, clause.query, 'block', clause.span);
  } catch (error) {
    if (recording) context.endRecord({ kind: 'BlockGuardCheck', block: { status: 'FAIL', atLeastOneMatches: !matchAll, message: null } });
    return withSpan(error, clause.span);
  }
  if (values.length === 0) {
    const status: Status = clause.notEmpty ? 'FAIL' : 'SKIP';
    if (recording) context.endRecord({ kind: 'BlockGuardCheck', block: { status, atLeastOneMatches: !matchAll, message: null } });
    return status;
  }
  let fails = 0;
  let passes = 0;
  for (const each of values) {
    if (each.kind === 'unresolved') {
      fails++;
      if (!recording) continue;
      const missingLabel = `GuardBlockAccessClause#${clause.location}`;
      context.startRecord(missingLabel);
      context.endRecord({
        kind: 'ClauseValueCheck',
        check: {
          kind: 'MissingBlockValue',
          status: 'FAIL',
          message: `Query ${queryText(clause.query.parts)} did not resolve to correct value, reason ${each.reason}`,
          customMessage: null,
          from: each,
          span: clause.span,
        },
      });
      continue;
    }
    let status: Status;
    try {
      status = evaluateBlock(clause.block, new ValueScope(each.value, context));
    } catch (error) {
      if (!recording) return withSpan(error, clause.span);
      context.endRecord({
        kind: 'BlockGuardCheck',
        block: { status: 'FAIL', atLeastOneMatches: !matchAll, message: `Error ${errorText(error)} when handling block clause, bailing` },
      });
      return withSpan(error, clause.span);
    }
    if (status === 'PASS') passes++;
    else if (status === 'FAIL') fails++;
  }
  const status: Status = matchAll
    ? fails > 0
      ? 'FAIL'
      : passes > 0
        ? 'PASS'
        : 'SKIP'
    : passes > 0
      ? 'PASS'
      : fails > 0
        ? 'FAIL'
        : 'SKIP';
  if (recording) context.endRecord({ kind: 'BlockGuardCheck', block: { status, atLeastOneMatches: !matchAll, message: null } });
  return status;
}

/** Notes, on the open condition record, where the `when` condition is written. */
function traceWhen(context: EvalContext, conditions: CompiledConjunctions<CompiledGuardClause>): void {
  const trace = context.state.trace;
  if (trace === null) return;
  const span = coveringSpan(conditions);
  if (span !== null) trace.note({ kind: 'condition', span });
}

function evaluateWhenBlock(
  label: string,
  conditions: CompiledConjunctions<CompiledGuardClause>,
  block: CompiledBlock<CompiledGuardClause>,
  context: EvalContext,
  span: SourceSpan,
): Status {
  const recording = context.state.recorder.enabled;
  if (recording) {
    context.startRecord(label);
    context.startRecord(`${label}/When`);
  }
  let condition: Status;
  try {
    condition = evaluateConjunctions(conditions, context, evaluateGuardClause, DISJUNCTION_OF.conditions);
  } catch (error) {
    if (recording) {
      context.endRecord({ kind: 'WhenCondition', status: 'FAIL' });
      context.endRecord({ kind: 'WhenCheck', block: { status: 'FAIL', atLeastOneMatches: false, message: `Error ${errorText(error)} during type condition evaluation, bailing` } });
    }
    throw error;
  }
  traceWhen(context, conditions);
  if (condition !== 'PASS') {
    if (recording) {
      context.endRecord({ kind: 'WhenCondition', status: condition });
      context.endRecord({ kind: 'WhenCheck', block: { status: 'SKIP', atLeastOneMatches: false, message: null } });
    }
    return 'SKIP';
  }
  if (recording) context.endRecord({ kind: 'WhenCondition', status: 'PASS' });
  let status: Status;
  try {
    status = evaluateBlock(block, context);
  } catch (error) {
    if (recording) {
      context.endRecord({ kind: 'WhenCheck', block: { status: 'FAIL', atLeastOneMatches: false, message: `Error ${errorText(error)} during type condition evaluation, bailing` } });
    }
    throw error;
  }
  if (recording) context.endRecord({ kind: 'WhenCheck', block: { status, atLeastOneMatches: false, message: null } });
  return status;
}

function evaluateTypeBlock(clause: CompiledTypeBlock, context: EvalContext): Status {
  const recording = context.state.recorder.enabled;
  const label = recording ? `TypeBlock#${clause.typeName}` : '';
  const typeCheck = (status: Status, message: string | null = null) => {
    if (recording) context.endRecord({ kind: 'TypeCheck', typeName: clause.typeName, block: { status, atLeastOneMatches: false, message } });
  };
  if (recording) context.startRecord(label);
  if (clause.conditions !== null) {
    if (recording) context.startRecord(`${label}/When`);
    let condition: Status;
    try {
      condition = evaluateConjunctions(clause.conditions, context, evaluateGuardClause, DISJUNCTION_OF.conditions);
    } catch (error) {
      if (recording) {
        context.endRecord({ kind: 'TypeCondition', status: 'FAIL' });
        typeCheck('FAIL', `Error ${errorText(error)} during type condition evaluation, bailing`);
      }
      throw error;
    }
    traceWhen(context, clause.conditions);
    if (recording) context.endRecord({ kind: 'TypeCondition', status: condition });
    if (condition !== 'PASS') {
      typeCheck('SKIP');
      return 'SKIP';
    }
  }
  let values: CheckedValue[];
  try {
    values = tracedQuery(context, clause.query, 'typeBlock', clause.span);
  } catch (error) {
    typeCheck('FAIL');
    return withSpan(error, clause.span);
  }
  if (values.length === 0) {
    typeCheck('SKIP');
    return 'SKIP';
  }
  let fails = 0;
  let passes = 0;
  for (let i = 0; i < values.length; i++) {
    const each = values[i]!;
    if (each.kind === 'unresolved') {
      typeCheck('FAIL', each.reason);
      return abort('type-block-without-resources', `Unable to resolve type block query: ${clause.typeName}`, clause.span);
    }
    if (recording) context.startRecord(`${label}/${i}`);
    let status: Status;
    try {
      status = evaluateBlock(clause.block, new ValueScope(each.value, context));
    } catch (error) {
      if (recording) {
        context.endRecord({ kind: 'TypeBlock', status: 'FAIL' });
        typeCheck('FAIL', `Error ${errorText(error)} during type block evaluation, bailing`);
      }
      return withSpan(error, clause.span);
    }
    if (status === 'PASS') passes++;
    else if (status === 'FAIL') fails++;
    if (recording) context.endRecord({ kind: 'TypeBlock', status });
  }
  const status: Status = fails > 0 ? 'FAIL' : passes > 0 ? 'PASS' : 'SKIP';
  typeCheck(status);
  return status;
}

function evaluateRuleCall(call: CompiledRuleCall, context: EvalContext): Status {
  context.state.tick();
  const rule = context.findParameterizedRule(call.name, call.span);
  if (rule.parameters.length !== call.args.length) {
    return abort(
      'parameterized-rule-arity',
      `Arity mismatch for called parameter rule ${call.name}, expected ${rule.parameters.length}, got ${call.args.length}`,
      call.span,
    );
  }
  const parameters = new Map<string, CheckedValue[]>();
  call.args.forEach((arg, i) => {
    const name = rule.parameters[i]!;
    try {
      // A literal argument is bound as an ordinary (resolved) result, not as a literal.
      if (arg.kind === 'literal') parameters.set(name, [{ kind: 'resolved', value: arg.value }]);
      else if (arg.kind === 'query') parameters.set(name, context.query(arg.query.parts));
      else parameters.set(name, resolveFunction(arg, context));
    } catch (error) {
      withSpan(error, call.span);
    }
  });
  const scope = new ParameterScope(call, parameters, context);
  return context.state.nested(() => evaluateRule(rule.rule, scope));
}

export function evaluateRule(rule: CompiledRule, context: EvalContext): Status {
  const recording = context.state.recorder.enabled;
  if (recording) context.startRecord(rule.name);
  if (rule.conditions !== null) {
    if (recording) context.startRecord(`Rule#${rule.name}/When`);
    let condition: Status;
    try {
      condition = evaluateConjunctions(rule.conditions, context, evaluateGuardClause, DISJUNCTION_OF.conditions);
    } catch (error) {
      if (recording) {
        context.endRecord({ kind: 'RuleCondition', status: 'FAIL' });
        ruleCheck(rule, 'FAIL', context);
      }
      throw error;
    }
    traceWhen(context, rule.conditions);
    if (condition !== 'PASS') {
      if (recording) {
        context.endRecord({ kind: 'RuleCondition', status: condition });
        ruleCheck(rule, 'SKIP', context);
      }
      return 'SKIP';
    }
    if (recording) context.endRecord({ kind: 'RuleCondition', status: condition });
  }
  let status: Status;
  try {
    status = evaluateBlock(rule.block, context, DISJUNCTION_OF.ruleClauses);
  } catch (error) {
    if (recording) ruleCheck(rule, 'FAIL', context);
    throw error;
  }
  if (recording) ruleCheck(rule, status, context);
  return status;
}

function ruleCheck(rule: CompiledRule, status: Status, context: EvalContext): void {
  context.endRecord({ kind: 'RuleCheck', name: rule.name, status, message: null });
}

/** Every top-level rule in order; the file status is FAIL > PASS > SKIP. */
export function evaluateRulesFile(root: RootScope, dataName: string): { status: Status; rules: RuleVerdict[] } {
  const rules = root.state.rules.rules;
  const recording = root.state.recorder.enabled;
  if (recording) root.startRecord(`File(rules=${rules.length})`);
  const verdicts: RuleVerdict[] = [];
  let fails = 0;
  let passes = 0;
  for (const rule of rules) {
    let status: Status;
    try {
      status = evaluateRule(rule, root);
    } catch (error) {
      if (recording) root.endRecord({ kind: 'RuleCheck', name: rule.name, status: 'FAIL', message: null });
      throw error;
    }
    verdicts.push({ name: rule.name, status, span: rule.span });
    if (status === 'PASS') passes++;
    else if (status === 'FAIL') fails++;
  }
  const status: Status = fails > 0 ? 'FAIL' : passes > 0 ? 'PASS' : 'SKIP';
  if (recording) root.endRecord({ kind: 'FileCheck', name: dataName, status, message: null });
  return { status, rules: verdicts };
}
