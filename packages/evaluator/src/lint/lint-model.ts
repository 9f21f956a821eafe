/**
 * One walk over a rules file that records every clause, conjunction, query, literal, function
 * call and variable use together with where it sits (scope, evaluation context, enclosing
 * `when`). Each check then reads the lists it cares about instead of walking the AST again.
 */
import type {
  Block,
  Clause,
  Conjunctions,
  DefaultRule,
  FunctionCall,
  LetStatement,
  Literal,
  NamedRule,
  ParameterizedRule,
  Query,
  Rhs,
  RulesFile,
  VariablePart,
} from '@guardts/guard-parser';
import { forEachNode, isLiteral } from './ast-utils.js';
import { Scope, type Binding } from './scope.js';

export type EnclosingRule = NamedRule | ParameterizedRule | DefaultRule;

export interface SiteContext {
  readonly scope: Scope;
  /** The rule whose evaluation reaches this place; null for file-level `let`s. */
  readonly rule: EnclosingRule | null;
  /** The value queries start from is the document root (not a block's or a filter's value). */
  readonly atRoot: boolean;
  /** Under a `when` (rule-level, block or type-block condition) that must hold first. */
  readonly guarded: boolean;
  /** Part of a `when` condition. */
  readonly inConditions: boolean;
  /** Inside a query block, type block or filter (named rule references there still see the root). */
  readonly inBlock: boolean;
}

export type ConjunctionRole = 'rule-conditions' | 'when-conditions' | 'type-block-conditions' | 'body' | 'filter';

export interface ConjunctionSite {
  readonly clauses: Conjunctions;
  readonly role: ConjunctionRole;
  readonly context: SiteContext;
}

export interface Site<T> {
  readonly node: T;
  readonly context: SiteContext;
}

export interface VariableUse {
  readonly part: VariablePart;
  /**
   * Null when nothing of that name is visible (captures count as defined). Inside a parameterized
   * rule a name may also come from a caller's scope (cfn-guard scopes a call inside the caller's
   * scope): such a use is bound to a same-named binding of the file.
   */
  readonly binding: Binding | null;
  readonly isCapture: boolean;
  readonly context: SiteContext;
}

export interface LintModel {
  readonly file: RulesFile;
  readonly source: string | null;
  readonly clauses: readonly Site<Clause>[];
  readonly conjunctions: readonly ConjunctionSite[];
  readonly queries: readonly Site<Query>[];
  readonly literals: readonly Site<Literal>[];
  readonly calls: readonly Site<FunctionCall>[];
  readonly variableUses: readonly VariableUse[];
  readonly bindings: readonly Binding[];
  /** Names bound by `[name]`, `[ name | … ]` captures anywhere (cfn-guard keeps them file-wide). */
  readonly captures: ReadonlySet<string>;
}

export function buildLintModel(file: RulesFile, source: string | null): LintModel {
  return new ModelBuilder(file, source).build();
}

class ModelBuilder {
  private readonly clauses: Site<Clause>[] = [];
  private readonly conjunctions: ConjunctionSite[] = [];
  private readonly queries: Site<Query>[] = [];
  private readonly literals: Site<Literal>[] = [];
  private readonly calls: Site<FunctionCall>[] = [];
  private readonly variableUses: VariableUse[] = [];
  private readonly bindings: Binding[] = [];
  private readonly captures = new Set<string>();

  constructor(
    private readonly file: RulesFile,
    private readonly source: string | null,
  ) {}

  build(): LintModel {
    forEachNode(this.file, (node) => {
      if ((node.kind === 'AllValues' || node.kind === 'Filter' || node.kind === 'KeysFilter') && node.capture !== null) {
        this.captures.add(node.capture);
      }
    });
    const fileScope = new Scope(null);
    const fileContext: SiteContext = { scope: fileScope, rule: null, atRoot: true, guarded: false, inConditions: false, inBlock: false };
    this.declareLets(this.file.assignments, fileContext);
    const defaultRule = this.file.defaultRule;
    if (defaultRule !== null) this.walkConjunctions(defaultRule.clauses, 'body', { ...fileContext, rule: defaultRule });
    for (const rule of this.file.rules) {
      const ruleContext = { ...fileContext, rule };
      if (rule.conditions !== null) this.walkConjunctions(rule.conditions, 'rule-conditions', { ...ruleContext, inConditions: true });
      this.walkBlock(rule.body, { ...ruleContext, guarded: rule.conditions !== null });
    }
    for (const rule of this.file.parameterizedRules) {
      const parameters = new Scope(fileScope);
      for (const parameter of rule.parameters) this.bindings.push(parameters.declareParameter(parameter));
      // A parameterized rule runs against its caller's current value, which may not be the root.
      this.walkBlock(rule.body, { ...fileContext, scope: parameters, rule, atRoot: false });
    }
    this.resolveThroughCallers();
    return {
      file: this.file,
      source: this.source,
      clauses: this.clauses,
      conjunctions: this.conjunctions,
      queries: this.queries,
      literals: this.literals,
      calls: this.calls,
      variableUses: this.variableUses,
      bindings: this.bindings,
      captures: this.captures,
    };
  }

  /** A parameterized rule runs in its caller's scope, so its free names may be any caller's variables. */
  private resolveThroughCallers(): void {
    for (const [index, use] of this.variableUses.entries()) {
      if (use.binding !== null || use.context.rule?.kind !== 'ParameterizedRule') continue;
      const candidates = this.bindings.filter((binding) => binding.name === use.part.name);
      for (const candidate of candidates) candidate.uses += 1;
      if (candidates[0] !== undefined) this.variableUses[index] = { ...use, binding: candidates[0] };
    }
  }

  /** Lets are hoisted: all are declared before any value (or clause) of the block is looked at. */
  private declareLets(statements: readonly LetStatement[], context: SiteContext): void {
    for (const statement of statements) this.bindings.push(context.scope.declareLet(statement));
    for (const statement of statements) this.walkRhs(statement.value, context);
  }

  private walkBlock(block: Block, context: SiteContext): void {
    const inner = { ...context, scope: new Scope(context.scope) };
    this.declareLets(block.assignments, inner);
    this.walkConjunctions(block.clauses, 'body', inner);
  }

  private walkConjunctions(clauses: Conjunctions, role: ConjunctionRole, context: SiteContext): void {
    this.conjunctions.push({ clauses, role, context });
    for (const disjunction of clauses) {
      for (const clause of disjunction.clauses) this.walkClause(clause, context);
    }
  }

  private walkClause(clause: Clause, context: SiteContext): void {
    this.clauses.push({ node: clause, context });
    switch (clause.kind) {
      case 'AccessClause':
        this.walkQuery(clause.query, context);
        if (clause.rhs !== null) this.walkRhs(clause.rhs, context);
        return;
      case 'BlockClause':
        this.walkQuery(clause.query, context);
        this.walkBlock(clause.body, { ...context, atRoot: false, inConditions: false, inBlock: true });
        return;
      case 'WhenBlock':
        this.walkConjunctions(clause.conditions, 'when-conditions', { ...context, inConditions: true });
        this.walkBlock(clause.body, { ...context, guarded: true, inConditions: false });
        return;
      case 'TypeBlock':
        // cfn-guard evaluates a type block's condition once, against the document root.
        if (clause.conditions !== null) this.walkConjunctions(clause.conditions, 'type-block-conditions', { ...context, atRoot: true, inConditions: true });
        this.walkBlock(clause.body, { ...context, atRoot: false, guarded: true, inConditions: false, inBlock: true });
        return;
      case 'RuleReference':
        return;
      case 'ParameterizedRuleCall':
        for (const argument of clause.arguments) this.walkRhs(argument, context);
        return;
    }
  }

  private walkRhs(rhs: Rhs, context: SiteContext): void {
    if (isLiteral(rhs)) this.walkLiteral(rhs, context);
    else if (rhs.kind === 'Query') this.walkQuery(rhs, context);
    else {
      this.calls.push({ node: rhs, context });
      for (const argument of rhs.arguments) this.walkRhs(argument, context);
    }
  }

  private walkLiteral(literal: Literal, context: SiteContext): void {
    this.literals.push({ node: literal, context });
    if (literal.kind === 'ListLiteral') for (const element of literal.elements) this.walkLiteral(element, context);
    if (literal.kind === 'MapLiteral') for (const entry of literal.entries) this.walkLiteral(entry.value, context);
  }

  private walkQuery(query: Query, context: SiteContext): void {
    this.queries.push({ node: query, context });
    for (const part of query.parts) {
      if (part.kind === 'Variable') {
        const binding = context.scope.lookup(part.name);
        if (binding !== null) binding.uses += 1;
        this.variableUses.push({ part, binding, isCapture: binding === null && this.captures.has(part.name), context });
      } else if (part.kind === 'Filter') {
        this.walkConjunctions(part.clauses, 'filter', { ...context, atRoot: false, inConditions: false, inBlock: true });
      } else if (part.kind === 'KeysFilter') {
        this.walkRhs(part.rhs, { ...context, atRoot: false, inBlock: true });
      }
    }
  }
}
