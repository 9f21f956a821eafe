/**
 * AST -> compiled form. Pure and total: every AST the parser accepts compiles; anything that can
 * only be judged against data (unknown variables, rules, functions, arity) is left to evaluation,
 * where cfn-guard reports it too.
 */
import {
  UNARY_OPERATORS,
  type Block,
  type Clause,
  type Conjunctions,
  type LetStatement,
  type LetValue,
  type Query,
  type QueryPart,
  type Rhs,
  type RulesFile,
  type SourceSpan,
} from '@guardts/guard-parser';
import type { Comparison } from '../report/types.js';
import type { Value } from '../values/value.js';
import { baseName, comparatorText, letValueText, locationText, queryText } from './display.js';
import type {
  CompiledAssignments,
  CompiledBlock,
  CompiledCall,
  CompiledConjunctions,
  CompiledGuardClause,
  CompiledLetValue,
  CompiledPart,
  CompiledParameterizedRule,
  CompiledQuery,
  CompiledRule,
  CompiledRules,
  TypeEquals,
} from './ir.js';
import { KEY_CONVERTERS } from '../eval/key-case-converters.js';
import { literalValue } from './literal-value.js';

/**
 * Shared by every compilation of the process: a batch of 237 rule files spent ~10 % of its CPU
 * recomputing the same case variants. Bounded by the distinct key names of the rules compiled.
 */
const SHARED_KEY_VARIANTS = new Map<string, readonly string[]>();

export function compileRulesFile(ast: RulesFile, fileName: string, text: string, locationName = baseName(fileName)): CompiledRules {
  const compiler = new AstCompiler(text, locationName);
  const rules: CompiledRule[] = [];
  if (ast.defaultRule !== null) {
    rules.push({
      name: `${baseName(fileName)}/default`,
      conditions: null,
      block: { assignments: EMPTY_ASSIGNMENTS, conjunctions: compiler.compileConjunctions(ast.defaultRule.clauses) },
      span: ast.defaultRule.span,
    });
  }
  for (const rule of ast.rules) {
    rules.push({
      name: rule.name.name,
      conditions: rule.conditions === null ? null : compiler.compileConjunctions(rule.conditions),
      block: compiler.compileBlock(rule.body),
      span: rule.span,
    });
  }
  const rulesByName = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    const copies = rulesByName.get(rule.name);
    if (copies === undefined) rulesByName.set(rule.name, [rule]);
    else copies.push(rule);
  }
  const parameterizedRules = new Map<string, CompiledParameterizedRule>();
  for (const rule of ast.parameterizedRules) {
    parameterizedRules.set(rule.name.name, {
      parameters: rule.parameters.map((p) => p.name),
      rule: { name: rule.name.name, conditions: null, block: compiler.compileBlock(rule.body), span: rule.span },
    });
  }
  return {
    fileName,
    assignments: compiler.compileAssignments(ast.assignments),
    rules,
    rulesByName,
    parameterizedRules,
    empty: rules.length === 0,
  };
}

/** Recognises `[ Type == "X" ]` and `[ Type == %x ]`, which the evaluator can answer from an index. */
function typeEqualsShape(clauses: CompiledConjunctions<CompiledGuardClause>): TypeEquals | null {
  if (clauses.length !== 1 || clauses[0]!.length !== 1) return null;
  const clause = clauses[0]![0]!;
  if (clause.kind !== 'access' || clause.negation || clause.comparison[0] !== 'Eq' || clause.comparison[1]) return null;
  const lhs = clause.query.parts;
  if (!clause.query.matchAll || lhs.length !== 1 || lhs[0]!.kind !== 'key' || lhs[0]!.name !== 'Type') return null;
  const rhs = clause.rhs;
  if (rhs?.kind === 'literal' && rhs.value.kind === 'string') return { literal: rhs.value.value };
  if (rhs?.kind === 'query' && rhs.query.parts.length === 1 && rhs.query.parts[0]!.kind === 'variable') {
    return { variable: rhs.query.parts[0]!.name };
  }
  return null;
}


const EMPTY_ASSIGNMENTS: CompiledAssignments = { literals: new Map(), queries: new Map(), functions: new Map() };

class AstCompiler {
  /** Case variants per key name: rules repeat the same few names many times, across files too. */
  private readonly variants = SHARED_KEY_VARIANTS;

  constructor(
    private readonly text: string,
    /** How record contexts name the rules file (`Location[file:…]`). */
    private readonly locationName: string,
  ) {}

  keyVariants(name: string): readonly string[] {
    let variants = this.variants.get(name);
    if (variants === undefined) {
      variants = KEY_CONVERTERS.map((convert) => convert(name));
      this.variants.set(name, variants);
    }
    return variants;
  }

  compileAssignments(statements: readonly LetStatement[]): CompiledAssignments {
    if (statements.length === 0) return EMPTY_ASSIGNMENTS;
    const literals = new Map<string, Value>();
    const queries = new Map<string, CompiledQuery>();
    const functions = new Map<string, CompiledCall>();
    for (const statement of statements) {
      const value = this.compileLetValue(statement.value);
      const name = statement.name.name;
      if (value.kind === 'literal') literals.set(name, value.value);
      else if (value.kind === 'query') queries.set(name, value.query);
      else functions.set(name, value);
    }
    return { literals, queries, functions };
  }

  compileBlock(block: Block): CompiledBlock<CompiledGuardClause> {
    return { assignments: this.compileAssignments(block.assignments), conjunctions: this.compileConjunctions(block.clauses) };
  }

  compileConjunctions(conjunctions: Conjunctions): CompiledConjunctions<CompiledGuardClause> {
    return conjunctions.map((disjunction) => disjunction.clauses.map((x) => this.compileClause(x)));
  }

  compileLetValue(value: LetValue | Rhs): CompiledLetValue {
    switch (value.kind) {
      case 'Query':
        return { kind: 'query', query: this.compileQuery(value) };
      case 'FunctionCall':
        return { kind: 'call', name: value.name.name, args: value.arguments.map((x) => this.compileLetValue(x)), span: value.span };
      default:
        return { kind: 'literal', value: literalValue(value) };
    }
  }

  compileQuery(query: Query): CompiledQuery {
    const parts = query.parts.map((x) => this.compilePart(x));
    // cfn-guard's parser puts an implicit `[*]` after a leading variable followed by anything.
    if (parts.length > 1 && parts[0]!.kind === 'variable' && parts[1]!.kind !== 'allIndices') {
      parts.splice(1, 0, { kind: 'allIndices', capture: null });
    }
    return { parts, matchAll: !query.some, span: query.span, text: queryText(parts) };
  }

  compilePart(part: QueryPart): CompiledPart {
    switch (part.kind) {
      case 'Key':
        return { kind: 'key', name: part.name, variants: this.keyVariants(part.name) };
      case 'Index':
        return { kind: 'index', index: part.index, fromKey: this.isQuotedIndex(part.span) };
      case 'This':
        return { kind: 'this' };
      case 'Variable':
        return { kind: 'variable', name: part.name };
      case 'AllValues':
        return { kind: 'allValues', capture: part.capture };
      case 'AllIndices':
        return { kind: 'allIndices', capture: null };
      case 'Filter': {
        const clauses = this.compileConjunctions(part.clauses);
        return { kind: 'filter', capture: part.capture, clauses, typeEquals: part.capture === null ? typeEqualsShape(clauses) : null };
      }
      case 'KeysFilter':
        return {
          kind: 'keysFilter',
          capture: part.capture,
          comparison: [part.comparator.operator, part.comparator.negated],
          rhs: this.compileLetValue(part.rhs),
        };
    }
  }

  /** `."3"`, `['3']`: cfn-guard's parser reads a quoted digit key as a key; `.3` and `[3]` are indexes. */
  isQuotedIndex(span: SourceSpan): boolean {
    return /["']/.test(this.text.slice(span.start.offset, span.end.offset));
  }

  compileClause(clause: Clause): CompiledGuardClause {
    switch (clause.kind) {
      case 'AccessClause': {
        const query = this.compileQuery(clause.query);
        const comparison: Comparison = [clause.comparator.operator, clause.comparator.negated];
        const rhs = clause.rhs === null ? null : this.compileLetValue(clause.rhs);
        return {
          kind: 'access',
          negation: clause.not,
          query,
          comparison,
          unary: UNARY_OPERATORS.has(clause.comparator.operator),
          rhs,
          customMessage: clause.message?.text ?? null,
          span: clause.span,
          context: this.accessClauseText(clause.not, query.text, comparison, rhs),
        };
      }
      case 'RuleReference':
        return {
          kind: 'ruleReference',
          negation: clause.not,
          name: clause.name.name,
          customMessage: clause.message?.text ?? null,
          span: clause.span,
          context: `Rule(${clause.name.name}@${locationText(clause.span, this.locationName)})`,
        };
      case 'ParameterizedRuleCall':
        return {
          kind: 'ruleCall',
          name: clause.name.name,
          args: clause.arguments.map((x) => this.compileLetValue(x)),
          customMessage: clause.message?.text ?? null,
          span: clause.span,
        };
      case 'BlockClause':
        return {
          kind: 'block',
          query: this.compileQuery(clause.query),
          notEmpty: clause.notEmpty,
          block: this.compileBlock(clause.body),
          span: clause.span,
          location: locationText(clause.span, this.locationName),
        };
      case 'WhenBlock':
        return { kind: 'when', conditions: this.compileConjunctions(clause.conditions), block: this.compileBlock(clause.body), span: clause.span };
      case 'TypeBlock':
        return {
          kind: 'typeBlock',
          typeName: clause.typeName,
          conditions: clause.conditions === null ? null : this.compileConjunctions(clause.conditions),
          block: this.compileBlock(clause.body),
          query: this.typeBlockQuery(clause.typeName, clause.span),
          span: clause.span,
        };
    }
  }

  /** `GuardAccessClause`'s display: `"{not} {query} {cmp} {rhs}"`. */
  accessClauseText(negation: boolean, query: string, comparison: Comparison, rhs: CompiledLetValue | null): string {
    return `${negation ? 'not' : ''} ${query} ${comparatorText(comparison)} ${rhs === null ? '' : letValueText(rhs)}`;
  }

  /** The query cfn-guard's parser builds for a type block: `Resources.*[ Type == "<type>" ]`. */
  typeBlockQuery(typeName: string, span: SourceSpan): CompiledQuery {
    const typeQueryParts: CompiledPart[] = [{ kind: 'key', name: 'Type', variants: this.keyVariants('Type') }];
    const typeQuery: CompiledQuery = { parts: typeQueryParts, matchAll: true, span, text: queryText(typeQueryParts) };
    const comparison: Comparison = ['Eq', false];
    const rhs: CompiledLetValue = { kind: 'literal', value: { kind: 'string', value: typeName, path: '', span: null } };
    const typeClause: CompiledGuardClause = {
      kind: 'access',
      negation: false,
      query: typeQuery,
      comparison,
      unary: false,
      rhs,
      customMessage: null,
      span,
      context: this.accessClauseText(false, typeQuery.text, comparison, rhs),
    };
    const parts: CompiledPart[] = [
      { kind: 'key', name: 'Resources', variants: this.keyVariants('Resources') },
      { kind: 'allValues', capture: null },
      { kind: 'filter', capture: null, clauses: [[typeClause]], typeEquals: { literal: typeName } },
    ];
    return { parts, matchAll: true, span, text: queryText(parts) };
  }
}
