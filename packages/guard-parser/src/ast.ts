/**
 * The Guard rules AST: readonly plain data, a `kind` discriminant and a `span` on every node.
 * It records what the author wrote (e.g. a leading `%var` is not followed by an implicit `[*]`);
 * the evaluator applies cfn-guard 3.1.1's semantics on top of it.
 */
import type { SourceSpan } from './span.js';

interface NodeBase {
  readonly span: SourceSpan;
}

// ---------------------------------------------------------------- file and rules

export interface RulesFile extends NodeBase {
  readonly kind: 'RulesFile';
  /** File-level `let` statements, in source order. */
  readonly assignments: readonly LetStatement[];
  /**
   * The implicit rule `default`: every top-level clause, type block and `when` block, in source
   * order, wherever it appears in the file. `null` when there is none.
   */
  readonly defaultRule: DefaultRule | null;
  /** Named rules without parameters, in source order (duplicates kept). */
  readonly rules: readonly NamedRule[];
  readonly parameterizedRules: readonly ParameterizedRule[];
}

export interface DefaultRule extends NodeBase {
  readonly kind: 'DefaultRule';
  readonly clauses: Conjunctions;
}

export interface NamedRule extends NodeBase {
  readonly kind: 'NamedRule';
  readonly name: Identifier;
  /** `rule r when <conditions> { … }`; `null` without `when`. */
  readonly conditions: Conjunctions | null;
  readonly body: Block;
}

export interface ParameterizedRule extends NodeBase {
  readonly kind: 'ParameterizedRule';
  readonly name: Identifier;
  readonly parameters: readonly Identifier[];
  readonly body: Block;
}

export interface Identifier extends NodeBase {
  readonly kind: 'Identifier';
  readonly name: string;
}

export interface LetStatement extends NodeBase {
  readonly kind: 'LetStatement';
  readonly name: Identifier;
  readonly value: LetValue;
}

export type LetValue = Literal | Query | FunctionCall;

/** `{ … }`: its `let`s (hoisted: they may appear anywhere in the block) and its clauses. */
export interface Block extends NodeBase {
  readonly kind: 'Block';
  readonly assignments: readonly LetStatement[];
  readonly clauses: Conjunctions;
}

// ---------------------------------------------------------------- CNF

/** Lines of a block are ANDed; each line is a disjunction joined by `or`. */
export type Conjunctions = readonly Disjunction[];

export interface Disjunction extends NodeBase {
  readonly kind: 'Disjunction';
  /** At least one clause; more than one when joined with `or`. */
  readonly clauses: readonly Clause[];
}

/**
 * Every clause form. The grammar restricts where each may appear (rule references only in rule
 * bodies, top-level `when` bodies and `when` conditions; type blocks only at rule or file level),
 * the type does not.
 */
export type Clause =
  | AccessClause
  | BlockClause
  | WhenBlock
  | TypeBlock
  | RuleReference
  | ParameterizedRuleCall;

/** `[not] query operator [rhs] [<<message>>]` */
export interface AccessClause extends NodeBase {
  readonly kind: 'AccessClause';
  /**
   * A clause-level `not`/`NOT`/`!` before the query. cfn-guard honours it for unary operators
   * only; before a binary operator it is parsed and ignored.
   */
  readonly not: boolean;
  readonly query: Query;
  readonly comparator: Comparator;
  /** Present exactly for binary operators. */
  readonly rhs: Rhs | null;
  readonly message: CustomMessage | null;
}

/** Operator names follow cfn-guard's report vocabulary (`["Eq", true]` is `!=`). */
export type ComparisonOperator =
  | 'Eq'
  | 'In'
  | 'Gt'
  | 'Ge'
  | 'Lt'
  | 'Le'
  | 'Exists'
  | 'Empty'
  | 'IsString'
  | 'IsList'
  | 'IsMap'
  | 'IsBool'
  | 'IsInt'
  | 'IsFloat'
  | 'IsNull';

export const UNARY_OPERATORS: ReadonlySet<ComparisonOperator> = new Set([
  'Exists',
  'Empty',
  'IsString',
  'IsList',
  'IsMap',
  'IsBool',
  'IsInt',
  'IsFloat',
  'IsNull',
]);

export interface Comparator extends NodeBase {
  readonly kind: 'Comparator';
  readonly operator: ComparisonOperator;
  /** Operator-level negation: `!=`, `not in`, `!exists`, `not empty`, `!is_string`, … */
  readonly negated: boolean;
}

export type Rhs = Literal | Query | FunctionCall;

/** `query [!empty] { … }` (`notEmpty` for the `Q !empty { … }` / `Q not empty { … }` form). */
export interface BlockClause extends NodeBase {
  readonly kind: 'BlockClause';
  readonly query: Query;
  readonly notEmpty: boolean;
  readonly body: Block;
}

/** `when <conditions> { … }` */
export interface WhenBlock extends NodeBase {
  readonly kind: 'WhenBlock';
  readonly conditions: Conjunctions;
  readonly body: Block;
}

/**
 * `AWS::S3::Bucket [when <conditions>] { … }`; the single-clause form
 * `AWS::S3::Bucket Properties.X exists` is a body with one clause. `typeName` drops a
 * `::MODULE` suffix, as cfn-guard does.
 */
export interface TypeBlock extends NodeBase {
  readonly kind: 'TypeBlock';
  readonly typeName: string;
  readonly conditions: Conjunctions | null;
  readonly body: Block;
}

/** A named rule used as a clause or condition: `[not] rule_name [<<message>>]`. */
export interface RuleReference extends NodeBase {
  readonly kind: 'RuleReference';
  readonly not: boolean;
  readonly name: Identifier;
  readonly message: CustomMessage | null;
}

/** `[not] name(arg, …) [<<message>>]`; the `not` is parsed and ignored by cfn-guard. */
export interface ParameterizedRuleCall extends NodeBase {
  readonly kind: 'ParameterizedRuleCall';
  readonly not: boolean;
  readonly name: Identifier;
  readonly arguments: readonly Rhs[];
  readonly message: CustomMessage | null;
}

/** `<< text >>`, the text verbatim (newlines and surrounding spaces kept). */
export interface CustomMessage extends NodeBase {
  readonly kind: 'CustomMessage';
  readonly text: string;
}

// ---------------------------------------------------------------- queries

export interface Query extends NodeBase {
  readonly kind: 'Query';
  /** `some` prefix: at-least-one instead of all. */
  readonly some: boolean;
  /** At least one part. The first is a `Key`, `This` or `Variable` (the head). */
  readonly parts: readonly QueryPart[];
}

export type QueryPart =
  | KeyPart
  | IndexPart
  | ThisPart
  | VariablePart
  | AllValuesPart
  | AllIndicesPart
  | FilterPart
  | KeysFilterPart;

/** `.Key`, `."quoted key"`, `['quoted key']`, or a head `Key`. Never digits only (see IndexPart). */
export interface KeyPart extends NodeBase {
  readonly kind: 'Key';
  readonly name: string;
  readonly quoted: boolean;
}

/** `[3]`, `[-1]`, `.3`, `."3"`: a digit-only key is always an index in cfn-guard. */
export interface IndexPart extends NodeBase {
  readonly kind: 'Index';
  readonly index: number;
}

export interface ThisPart extends NodeBase {
  readonly kind: 'This';
}

/** `%name` as the head of a query (its values), or `.%name` inside one (key interpolation). */
export interface VariablePart extends NodeBase {
  readonly kind: 'Variable';
  readonly name: string;
}

/** `.*`, or `[name]` / `[ name ]` which also captures the keys into `%name`. */
export interface AllValuesPart extends NodeBase {
  readonly kind: 'AllValues';
  readonly capture: string | null;
}

/** `[*]` */
export interface AllIndicesPart extends NodeBase {
  readonly kind: 'AllIndices';
}

/** `[ clauses ]` or `[ name | clauses ]` */
export interface FilterPart extends NodeBase {
  readonly kind: 'Filter';
  readonly capture: string | null;
  readonly clauses: Conjunctions;
}

/** `[ keys OP value ]` or `[ name | keys OP value ]`; OP is `==`, `!=`, `in`, `not in`. */
export interface KeysFilterPart extends NodeBase {
  readonly kind: 'KeysFilter';
  readonly capture: string | null;
  readonly comparator: Comparator;
  readonly rhs: Literal | Query;
}

// ---------------------------------------------------------------- functions

export interface FunctionCall extends NodeBase {
  readonly kind: 'FunctionCall';
  readonly name: Identifier;
  /** At least one argument. */
  readonly arguments: readonly Rhs[];
}

// ---------------------------------------------------------------- literals

export type Literal =
  | NullLiteral
  | StringLiteral
  | IntLiteral
  | FloatLiteral
  | BoolLiteral
  | RegexLiteral
  | RangeLiteral
  | ListLiteral
  | MapLiteral;

export interface NullLiteral extends NodeBase {
  readonly kind: 'NullLiteral';
}

export interface StringLiteral extends NodeBase {
  readonly kind: 'StringLiteral';
  /** The value after unescaping (only `\'` / `\"` are escapes in Guard). */
  readonly value: string;
}

export interface IntLiteral extends NodeBase {
  readonly kind: 'IntLiteral';
  /** An i64; values beyond ±2^53 lose precision in JavaScript numbers. */
  readonly value: number;
}

export interface FloatLiteral extends NodeBase {
  readonly kind: 'FloatLiteral';
  readonly value: number;
}

export interface BoolLiteral extends NodeBase {
  readonly kind: 'BoolLiteral';
  readonly value: boolean;
}

export interface RegexLiteral extends NodeBase {
  readonly kind: 'RegexLiteral';
  /** The pattern as Rust's regex crate sees it (`\/` already turned into `/`). */
  readonly pattern: string;
}

export type RangeBound =
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'char'; readonly value: string };

/** `r[lo, hi)` and friends; both bounds of one kind. */
export interface RangeLiteral extends NodeBase {
  readonly kind: 'RangeLiteral';
  readonly lower: RangeBound;
  readonly upper: RangeBound;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
}

export interface ListLiteral extends NodeBase {
  readonly kind: 'ListLiteral';
  readonly elements: readonly Literal[];
}

export interface MapLiteralEntry extends NodeBase {
  readonly kind: 'MapLiteralEntry';
  readonly key: string;
  readonly value: Literal;
}

export interface MapLiteral extends NodeBase {
  readonly kind: 'MapLiteral';
  readonly entries: readonly MapLiteralEntry[];
}

export type AstNode =
  | RulesFile
  | DefaultRule
  | NamedRule
  | ParameterizedRule
  | Identifier
  | LetStatement
  | Block
  | Disjunction
  | Clause
  | Comparator
  | CustomMessage
  | Query
  | QueryPart
  | FunctionCall
  | Literal
  | MapLiteralEntry;
