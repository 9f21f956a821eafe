/**
 * Evaluation scopes, as cfn-guard's `EvalContext` implementations (`eval_context.rs`):
 *
 * - RootScope: the document root, file-level `let`s, named-rule lookup and the per-document cache
 *   of rule statuses;
 * - BlockScope: a `{ … }` with its own `let`s, evaluated lazily against the block's value;
 * - ValueScope: a value being iterated (a filter candidate, a block value) — its queries start at
 *   that value but run in the parent's scope, exactly as the reference does, which is what
 *   produces its "wrong context after a wildcard" filter behaviour;
 * - ParameterScope: a parameterized rule's arguments, visible as variables.
 *
 * Queries and rule statuses are reached through these objects so that each construct sees the
 * same context the reference would give it.
 */
import type { SourceSpan } from '@guardts/guard-parser';
import type { CompiledAssignments, CompiledParameterizedRule, CompiledPart, CompiledRuleCall } from '../compile/ir.js';
import type { CheckedValue, RecordType, Status } from '../report/types.js';
import type { Value } from '../values/value.js';
import { abort } from './abort.js';
import { evaluateRule } from './evaluate-rules.js';
import { resolveFunction } from './functions-bridge.js';
import { NO_CONVERTER, retrieveQuery } from './query.js';
import type { EvaluationState } from './state.js';

export interface EvalContext {
  readonly state: EvaluationState;
  /** The value queries start from. */
  root(): Value;
  query(parts: readonly CompiledPart[]): CheckedValue[];
  findParameterizedRule(name: string, span: SourceSpan): CompiledParameterizedRule;
  ruleStatus(name: string, span: SourceSpan): Status;
  resolveVariable(name: string): CheckedValue[];
  /**
   * The variable's results when they are at hand without evaluating anything (a literal `let`, a
   * parameter, one resolved before), else null: for callers that must not record or raise.
   */
  variableAtHand(name: string): CheckedValue[] | null;
  addCaptureKey(name: string, key: Value): void;
  startRecord(context: string): void;
  endRecord(record: RecordType): void;
}

/** Variables of one scope: `let`s resolved on first use, then cached for the scope's lifetime. */
class Variables {
  /** Created on first use: most scopes (a block per value, a rules file per document) resolve nothing. */
  private resolved: Map<string, CheckedValue[]> | null = null;

  constructor(private readonly assignments: CompiledAssignments) {}

  /** The variable's results, or undefined when this scope does not declare it. */
  lookup(name: string, owner: EvalContext): CheckedValue[] | undefined {
    const literal = this.assignments.literals.get(name);
    if (literal !== undefined) return [{ kind: 'literal', value: literal }];
    const cached = this.resolved?.get(name);
    if (cached !== undefined) return cached;
    const call = this.assignments.functions.get(name);
    if (call !== undefined) {
      const result = resolveFunction(call, owner);
      this.remember(name, result);
      return result;
    }
    const query = this.assignments.queries.get(name);
    if (query === undefined) return undefined;
    let result = retrieveQuery(0, query.parts, owner.root(), owner, NO_CONVERTER);
    // `let v = some Q` keeps only what resolved.
    if (!query.matchAll) result = result.filter((r) => r.kind === 'resolved');
    this.remember(name, result);
    return result;
  }

  /** As `lookup`, only what needs no evaluation: null when resolving it would evaluate. */
  atHand(name: string): CheckedValue[] | null | undefined {
    const literal = this.assignments.literals.get(name);
    if (literal !== undefined) return [{ kind: 'literal', value: literal }];
    const cached = this.resolved?.get(name);
    if (cached !== undefined) return cached;
    return this.assignments.functions.has(name) || this.assignments.queries.has(name) ? null : undefined;
  }

  capture(name: string, key: Value): void {
    let list = this.resolved?.get(name);
    if (list === undefined) this.remember(name, (list = []));
    list.push({ kind: 'resolved', value: key });
  }

  private remember(name: string, results: CheckedValue[]): void {
    (this.resolved ??= new Map()).set(name, results);
  }
}

/** A block's variables, or null when it declares none (then lookups go straight to the parent). */
function blockVariables(assignments: CompiledAssignments): Variables | null {
  return assignments.literals.size + assignments.queries.size + assignments.functions.size === 0 ? null : new Variables(assignments);
}

export class RootScope implements EvalContext {
  private readonly variables: Variables;
  /** Created on the first rule reference: most rules files reference none. */
  private ruleStatuses: Map<string, Status> | null = null;
  private rulesInProgress: Set<string> | null = null;

  constructor(
    readonly state: EvaluationState,
    private readonly document: Value,
  ) {
    this.variables = new Variables(state.rules.assignments);
  }

  root(): Value {
    return this.document;
  }

  query(parts: readonly CompiledPart[]): CheckedValue[] {
    return retrieveQuery(0, parts, this.document, this, NO_CONVERTER);
  }

  findParameterizedRule(name: string, span: SourceSpan): CompiledParameterizedRule {
    const rule = this.state.rules.parameterizedRules.get(name);
    if (rule === undefined) {
      const candidates = [...this.state.rules.parameterizedRules.keys()].join(', ');
      return abort('unknown-rule', `Parameterized Rule with name ${name} was not found, candidates [${candidates}]`, span);
    }
    return rule;
  }

  /** A referenced rule's status: evaluated once per document, at the root; first non-SKIP copy. */
  ruleStatus(name: string, span: SourceSpan): Status {
    const cached = this.ruleStatuses?.get(name);
    if (cached !== undefined) return cached;
    const copies = this.state.rules.rulesByName.get(name);
    if (copies === undefined) {
      return abort('unknown-rule', `Rule ${name} by that name does not exist`, span);
    }
    const inProgress = (this.rulesInProgress ??= new Set());
    if (inProgress.has(name)) {
      return abort('rule-recursion', `Rule ${name} depends on itself (cfn-guard overflows its stack here)`, span);
    }
    inProgress.add(name);
    let status: Status = 'SKIP';
    try {
      for (const rule of copies) {
        status = this.state.nested(() => evaluateRule(rule, this));
        if (status !== 'SKIP') break;
      }
    } finally {
      inProgress.delete(name);
    }
    (this.ruleStatuses ??= new Map()).set(name, status);
    return status;
  }

  resolveVariable(name: string): CheckedValue[] {
    const found = this.variables.lookup(name, this);
    if (found === undefined) return abort('unknown-variable', `Could not resolve variable by name ${name} across scopes`);
    return found;
  }

  variableAtHand(name: string): CheckedValue[] | null {
    return this.variables.atHand(name) ?? null;
  }

  addCaptureKey(name: string, key: Value): void {
    // The `--explain` trace re-resolves query prefixes to show each step; they must capture nothing.
    if (this.state.trace?.paused === true) return;
    this.variables.capture(name, key);
  }

  startRecord(context: string): void {
    this.state.recorder.start(context);
  }

  endRecord(record: RecordType): void {
    this.state.recorder.end(record);
  }
}

/** A scope nested in another: everything it does not define itself is its parent's. */
abstract class ChildScope implements EvalContext {
  readonly state: EvaluationState;

  constructor(protected readonly parent: EvalContext) {
    this.state = parent.state;
  }

  abstract root(): Value;
  abstract query(parts: readonly CompiledPart[]): CheckedValue[];

  findParameterizedRule(name: string, span: SourceSpan): CompiledParameterizedRule {
    return this.parent.findParameterizedRule(name, span);
  }

  ruleStatus(name: string, span: SourceSpan): Status {
    return this.parent.ruleStatus(name, span);
  }

  resolveVariable(name: string): CheckedValue[] {
    return this.parent.resolveVariable(name);
  }

  variableAtHand(name: string): CheckedValue[] | null {
    return this.parent.variableAtHand(name);
  }

  addCaptureKey(name: string, key: Value): void {
    this.parent.addCaptureKey(name, key);
  }

  startRecord(context: string): void {
    this.parent.startRecord(context);
  }

  endRecord(record: RecordType): void {
    this.parent.endRecord(record);
  }
}

export class BlockScope extends ChildScope {
  private readonly variables: Variables | null;

  constructor(
    assignments: CompiledAssignments,
    private readonly value: Value,
    parent: EvalContext,
  ) {
    super(parent);
    this.variables = blockVariables(assignments);
  }

  root(): Value {
    return this.value;
  }

  query(parts: readonly CompiledPart[]): CheckedValue[] {
    return retrieveQuery(0, parts, this.value, this, NO_CONVERTER);
  }

  override resolveVariable(name: string): CheckedValue[] {
    return this.variables?.lookup(name, this) ?? this.parent.resolveVariable(name);
  }

  override variableAtHand(name: string): CheckedValue[] | null {
    const own = this.variables?.atHand(name);
    return own === undefined ? this.parent.variableAtHand(name) : own;
  }
}

export class ValueScope extends ChildScope {
  constructor(
    private readonly value: Value,
    parent: EvalContext,
  ) {
    super(parent);
  }

  root(): Value {
    return this.value;
  }

  query(parts: readonly CompiledPart[]): CheckedValue[] {
    // The reference resolves the rest of the query in the parent scope, not in this one.
    return retrieveQuery(0, parts, this.value, this.parent, NO_CONVERTER);
  }
}

export class ParameterScope extends ChildScope {
  constructor(
    private readonly call: CompiledRuleCall,
    private readonly parameters: ReadonlyMap<string, CheckedValue[]>,
    parent: EvalContext,
  ) {
    super(parent);
  }

  root(): Value {
    return this.parent.root();
  }

  query(parts: readonly CompiledPart[]): CheckedValue[] {
    return this.parent.query(parts);
  }

  override resolveVariable(name: string): CheckedValue[] {
    return this.parameters.get(name) ?? this.parent.resolveVariable(name);
  }

  override variableAtHand(name: string): CheckedValue[] | null {
    return this.parameters.get(name) ?? this.parent.variableAtHand(name);
  }

  /** The called rule's record carries the call site's custom message. */
  override endRecord(record: RecordType): void {
    if (record.kind === 'RuleCheck' && record.name === this.call.name) {
      this.parent.endRecord({ ...record, message: this.call.customMessage });
    } else {
      this.parent.endRecord(record);
    }
  }
}
