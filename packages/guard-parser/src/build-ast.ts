/**
 * CST -> AST. Runs only on a CST without syntax errors; the checks cfn-guard makes while
 * parsing but a grammar cannot express (i64 range, regex compilation, range bound kinds, the
 * shapes allowed at the top level) are reported here as diagnostics.
 */
import { tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import type * as ast from './ast.js';
import type { Diagnostic } from './diagnostic.js';
import { DiagnosticCodes, type DiagnosticCode } from './diagnostic-codes.js';
import { isIndexKey, parseI64, regexPattern, unquoteString } from './literal-values.js';
import { regexCompileError } from './regex-check.js';
import { joinSpans, spanOfNode, spanOfTokens } from './source-positions.js';
import type { SourceSpan } from './span.js';
import * as t from './tokens.js';

function nodesOf(node: CstNode, key: string): CstNode[] {
  return (node.children[key] as CstNode[] | undefined) ?? [];
}

function nodeOf(node: CstNode, key: string): CstNode | undefined {
  return (node.children[key] as CstNode[] | undefined)?.[0];
}

function tokensOf(node: CstNode, key: string): IToken[] {
  return (node.children[key] as IToken[] | undefined) ?? [];
}

function tokenOf(node: CstNode, key: string): IToken | undefined {
  return (node.children[key] as IToken[] | undefined)?.[0];
}

/** Every token under `node`, in source order. */
function firstToken(node: CstNode): IToken | undefined {
  let best: IToken | undefined;
  for (const children of Object.values(node.children)) {
    for (const child of children) {
      const token = 'image' in child ? child : firstToken(child);
      if (token !== undefined && (best === undefined || token.startOffset < best.startOffset)) best = token;
    }
  }
  return best;
}

const UNARY_OPERATOR_BY_TOKEN: ReadonlyMap<string, ast.ComparisonOperator> = new Map([
  ['Exists', 'Exists'],
  ['Empty', 'Empty'],
  ['IsString', 'IsString'],
  ['IsList', 'IsList'],
  ['IsStruct', 'IsMap'],
  ['IsBool', 'IsBool'],
  ['IsInt', 'IsInt'],
  ['IsFloat', 'IsFloat'],
  ['IsNull', 'IsNull'],
]);

const BINARY_OPERATOR_BY_TOKEN: ReadonlyMap<string, { operator: ast.ComparisonOperator; negated: boolean }> = new Map([
  ['Equals', { operator: 'Eq', negated: false }],
  ['NotEquals', { operator: 'Eq', negated: true }],
  ['GreaterEquals', { operator: 'Ge', negated: false }],
  ['LessEquals', { operator: 'Le', negated: false }],
  ['Greater', { operator: 'Gt', negated: false }],
  ['Less', { operator: 'Lt', negated: false }],
]);

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {}

  private report(code: DiagnosticCode, message: string, span: SourceSpan): void {
    this.diagnostics.push({ code, severity: 'error', message, span });
  }

  private tokenSpan(first: IToken, last?: IToken): SourceSpan {
    return spanOfTokens(this.file, first, last);
  }

  private nodeSpan(node: CstNode): SourceSpan {
    return spanOfNode(this.file, node);
  }

  private identifier(token: IToken): ast.Identifier {
    return { kind: 'Identifier', name: token.image, span: this.tokenSpan(token) };
  }

  // ------------------------------------------------------------ file and rules

  rulesFile(node: CstNode): ast.RulesFile {
    const assignments = nodesOf(node, 'letStatement').map((n) => this.letStatement(n));
    const rules: ast.NamedRule[] = [];
    const parameterizedRules: ast.ParameterizedRule[] = [];
    for (const declaration of nodesOf(node, 'ruleDeclaration')) {
      const rule = this.ruleDeclaration(declaration);
      if (rule.kind === 'NamedRule') rules.push(rule);
      else parameterizedRules.push(rule);
    }
    const topLevel = nodesOf(node, 'disjunction').map((n) => this.disjunction(n));
    topLevel.forEach((disjunction) => this.checkTopLevelDisjunction(disjunction));
    const first = topLevel[0];
    const last = topLevel[topLevel.length - 1];
    const defaultRule: ast.DefaultRule | null =
      first === undefined || last === undefined ? null : { kind: 'DefaultRule', clauses: topLevel, span: joinSpans(first.span, last.span) };
    const end = { offset: this.text.length, ...lineAndColumnAtEnd(this.text) };
    return {
      kind: 'RulesFile',
      assignments,
      defaultRule,
      rules,
      parameterizedRules,
      span: { file: this.file, start: { offset: 0, line: 1, column: 1 }, end },
    };
  }

  /** cfn-guard: `type_block (or type_block)*` and a lone `when` block are separate top-level forms. */
  private checkTopLevelDisjunction(disjunction: ast.Disjunction): void {
    const [first, ...rest] = disjunction.clauses;
    if (first === undefined || rest.length === 0) return;
    if (first.kind === 'WhenBlock') {
      this.report(DiagnosticCodes.invalidTopLevelDisjunction, 'a top-level `when` block cannot be joined with `or`', disjunction.span);
    } else if (disjunction.clauses.some((clause) => clause.kind === 'TypeBlock') && !disjunction.clauses.every((clause) => clause.kind === 'TypeBlock')) {
      this.report(DiagnosticCodes.invalidTopLevelDisjunction, 'at the top level a type block can only be joined with `or` to other type blocks', disjunction.span);
    }
  }

  letStatement(node: CstNode): ast.LetStatement {
    return {
      kind: 'LetStatement',
      name: this.identifier(tokenOf(node, 'name') as IToken),
      value: this.value(nodeOf(node, 'value') as CstNode),
      span: this.nodeSpan(node),
    };
  }

  ruleDeclaration(node: CstNode): ast.NamedRule | ast.ParameterizedRule {
    const name = this.identifier(tokenOf(node, 'name') as IToken);
    const body = this.block(nodeOf(node, 'block') as CstNode);
    const span = this.nodeSpan(node);
    if (tokenOf(node, 'LParen') !== undefined) {
      const parameters = tokensOf(node, 'parameters').map((token) => this.identifier(token));
      return { kind: 'ParameterizedRule', name, parameters, body, span };
    }
    const conditions = nodeOf(node, 'conditions');
    return { kind: 'NamedRule', name, conditions: conditions === undefined ? null : this.conditions(conditions), body, span };
  }

  conditions(node: CstNode): ast.Conjunctions {
    return nodesOf(node, 'disjunction').map((n) => this.disjunction(n));
  }

  block(node: CstNode): ast.Block {
    return {
      kind: 'Block',
      assignments: nodesOf(node, 'letStatement').map((n) => this.letStatement(n)),
      clauses: nodesOf(node, 'disjunction').map((n) => this.disjunction(n)),
      span: this.nodeSpan(node),
    };
  }

  // ------------------------------------------------------------ clauses

  disjunction(node: CstNode): ast.Disjunction {
    return { kind: 'Disjunction', clauses: nodesOf(node, 'clause').map((n) => this.clause(n)), span: this.nodeSpan(node) };
  }

  clause(node: CstNode): ast.Clause {
    const typeBlock = nodeOf(node, 'typeBlock');
    if (typeBlock !== undefined) return this.typeBlock(typeBlock);
    const whenBlock = nodeOf(node, 'whenBlock');
    if (whenBlock !== undefined) return this.whenBlock(whenBlock);
    return this.queryClause(nodeOf(node, 'queryClause') as CstNode);
  }

  whenBlock(node: CstNode): ast.WhenBlock {
    return {
      kind: 'WhenBlock',
      conditions: this.conditions(nodeOf(node, 'conditions') as CstNode),
      body: this.block(nodeOf(node, 'block') as CstNode),
      span: this.nodeSpan(node),
    };
  }

  typeBlock(node: CstNode): ast.TypeBlock {
    // cfn-guard reads and drops a `::MODULE` suffix: `AWS::X::Y::MODULE` matches `AWS::X::Y`.
    const typeName = (tokenOf(node, 'TypeName') as IToken).image.replace(/::MODULE$/, '');
    const conditions = nodeOf(node, 'conditions');
    const block = nodeOf(node, 'block');
    let body: ast.Block;
    if (block !== undefined) {
      body = this.block(block);
    } else {
      const clause = this.clause(nodeOf(node, 'clause') as CstNode);
      body = {
        kind: 'Block',
        assignments: [],
        clauses: [{ kind: 'Disjunction', clauses: [clause], span: clause.span }],
        span: clause.span,
      };
    }
    return { kind: 'TypeBlock', typeName, conditions: conditions === undefined ? null : this.conditions(conditions), body, span: this.nodeSpan(node) };
  }

  queryClause(node: CstNode): ast.Clause {
    const not = nodeOf(node, 'negation') !== undefined;
    const span = this.nodeSpan(node);
    const call = nodeOf(node, 'functionCall');
    const message = this.message(tokenOf(node, 'CustomMessage'));
    if (call !== undefined) {
      const { name, arguments: args } = this.functionCall(call);
      return { kind: 'ParameterizedRuleCall', not, name, arguments: args, message, span };
    }
    const queryNode = nodeOf(node, 'query') as CstNode;
    const tail = nodeOf(node, 'comparisonTail');
    const block = nodeOf(node, 'block');
    if (tail === undefined && block === undefined) {
      // A lone name: a rule reference, not a query.
      return { kind: 'RuleReference', not, name: this.identifier(firstToken(queryNode) as IToken), message, span };
    }
    const query = this.query(queryNode, tokenOf(node, 'Some'));
    if (tail !== undefined) return this.comparison(not, query, tail, span);
    return { kind: 'BlockClause', query, notEmpty: false, body: this.block(block as CstNode), span };
  }

  private comparison(not: boolean, query: ast.Query, tail: CstNode, span: SourceSpan): ast.AccessClause | ast.BlockClause {
    const message = this.message(tokenOf(tail, 'CustomMessage'));
    const binary = nodeOf(tail, 'binaryOperator');
    if (binary !== undefined) {
      return { kind: 'AccessClause', not, query, comparator: this.binaryComparator(binary), rhs: this.value(nodeOf(tail, 'value') as CstNode), message, span };
    }
    const negation = nodeOf(tail, 'negation');
    const keywordNode = nodeOf(tail, 'unaryKeyword') as CstNode;
    const keyword = firstToken(keywordNode) as IToken;
    const block = nodeOf(tail, 'block');
    if (block !== undefined) return { kind: 'BlockClause', query, notEmpty: true, body: this.block(block), span };
    const comparator: ast.Comparator = {
      kind: 'Comparator',
      operator: UNARY_OPERATOR_BY_TOKEN.get(keyword.tokenType.name) ?? 'Exists',
      negated: negation !== undefined,
      span: negation === undefined ? this.tokenSpan(keyword) : joinSpans(this.nodeSpan(negation), this.tokenSpan(keyword)),
    };
    return { kind: 'AccessClause', not, query, comparator, rhs: null, message, span };
  }

  private binaryComparator(node: CstNode): ast.Comparator {
    const negation = nodeOf(node, 'negation');
    const operatorToken = (tokenOf(node, 'In') ?? firstToken(node)) as IToken;
    const symbolic = BINARY_OPERATOR_BY_TOKEN.get(operatorToken.tokenType.name);
    return {
      kind: 'Comparator',
      operator: symbolic?.operator ?? 'In',
      negated: symbolic?.negated ?? negation !== undefined,
      span: this.nodeSpan(node),
    };
  }

  private message(token: IToken | undefined): ast.CustomMessage | null {
    if (token === undefined) return null;
    return { kind: 'CustomMessage', text: token.image.slice(2, -2), span: this.tokenSpan(token) };
  }

  functionCall(node: CstNode): ast.FunctionCall {
    return {
      kind: 'FunctionCall',
      name: this.identifier(tokenOf(node, 'name') as IToken),
      arguments: nodesOf(node, 'arguments').map((n) => this.value(n)),
      span: this.nodeSpan(node),
    };
  }

  /** rhs / let value / function argument: literal, call or query. */
  value(node: CstNode): ast.Rhs {
    const literal = nodeOf(node, 'literal');
    if (literal !== undefined) return this.literal(literal);
    const call = nodeOf(node, 'functionCall');
    if (call !== undefined) return this.functionCall(call);
    return this.query(nodeOf(node, 'query') as CstNode, tokenOf(node, 'Some'));
  }

  // ------------------------------------------------------------ queries

  query(node: CstNode, some: IToken | undefined): ast.Query {
    const parts: ast.QueryPart[] = [this.queryHead(node)];
    for (const part of nodesOf(node, 'queryPart')) parts.push(...this.queryPart(part));
    const span = this.nodeSpan(node);
    return { kind: 'Query', some: some !== undefined, parts, span: some === undefined ? span : joinSpans(this.tokenSpan(some), span) };
  }

  /** cfn-guard reads `thisX` at the head of a query as `this` followed by junk. */
  private checkThisPrefix(token: IToken): void {
    if (/^(this|THIS)./.test(token.image) && tokenMatcher(token, t.Word)) {
      this.report(
        DiagnosticCodes.thisPrefixedName,
        `cfn-guard reads \`${token.image}\` at the start of a query as \`this\` followed by \`${token.image.slice(4)}\`; quote the name ("${token.image}") or write this.${token.image}`,
        this.tokenSpan(token),
      );
    }
  }

  private queryHead(node: CstNode): ast.QueryPart {
    const thisToken = tokenOf(node, 'This');
    if (thisToken !== undefined) return { kind: 'This', span: this.tokenSpan(thisToken) };
    const variable = tokenOf(node, 'VariableReference');
    if (variable !== undefined) return { kind: 'Variable', name: variable.image.slice(1), span: this.tokenSpan(variable) };
    const key = tokenOf(node, 'key') as IToken;
    this.checkThisPrefix(key);
    return this.keyPart(key, this.tokenSpan(key));
  }

  /** A key token (name or string); digit-only keys are indexes in cfn-guard. */
  private keyPart(token: IToken, span: SourceSpan): ast.KeyPart | ast.IndexPart {
    const quoted = tokenMatcher(token, t.StringLiteral);
    const name = quoted ? unquoteString(token.image) : token.image;
    if (isIndexKey(name)) return this.indexPart(token, name, span);
    return { kind: 'Key', name, quoted, span };
  }

  private indexPart(token: IToken, digits: string, span: SourceSpan): ast.IndexPart {
    const index = parseI64(digits);
    if (index === null) this.report(DiagnosticCodes.integerOutOfRange, `the index ${digits} is outside the 64-bit integer range`, this.tokenSpan(token));
    return { kind: 'Index', index: index ?? 0, span };
  }

  private queryPart(node: CstNode): ast.QueryPart[] {
    const dot = nodeOf(node, 'dotPart');
    if (dot === undefined) return [this.bracketPart(nodeOf(node, 'bracketPart') as CstNode)];
    const float = tokenOf(dot, 'FloatLiteral');
    if (float === undefined) return [this.dotPart(dot)];
    // `.2.5`: the index 2, then the index 5.
    const [first, second] = float.image.split('.') as [string, string];
    const span = this.nodeSpan(dot);
    return [this.indexPart(float, first, span), this.indexPart(float, second, span)];
  }

  private dotPart(node: CstNode): ast.QueryPart {
    const span = this.nodeSpan(node);
    const int = tokenOf(node, 'IntLiteral');
    if (int !== undefined) return this.indexPart(int, int.image, span);
    const variable = tokenOf(node, 'VariableReference');
    if (variable !== undefined) return { kind: 'Variable', name: variable.image.slice(1), span };
    if (tokenOf(node, 'Star') !== undefined) return { kind: 'AllValues', capture: null, span };
    return this.keyPart((tokenOf(node, 'Word') ?? tokenOf(node, 'StringLiteral')) as IToken, span);
  }

  private bracketPart(node: CstNode): ast.QueryPart {
    const span = this.nodeSpan(node);
    if (tokenOf(node, 'Star') !== undefined) return { kind: 'AllIndices', span };
    const index = tokenOf(node, 'index');
    if (index !== undefined) return this.indexPart(index, index.image, span);
    const key = tokenOf(node, 'key');
    if (key !== undefined) return this.keyPart(key, span);
    const allValues = tokenOf(node, 'allValues');
    if (allValues !== undefined) return { kind: 'AllValues', capture: allValues.image, span };
    const capture = tokenOf(node, 'capture')?.image ?? null;
    const keysFilter = nodeOf(node, 'keysFilter');
    if (keysFilter !== undefined) return this.keysFilter(keysFilter, capture, span);
    return { kind: 'Filter', capture, clauses: nodesOf(node, 'disjunction').map((n) => this.disjunction(n)), span };
  }

  private keysFilter(node: CstNode, capture: string | null, span: SourceSpan): ast.KeysFilterPart {
    const negation = nodeOf(node, 'negation');
    const operatorToken = (tokenOf(node, 'Equals') ?? tokenOf(node, 'NotEquals') ?? tokenOf(node, 'In')) as IToken;
    const symbolic = BINARY_OPERATOR_BY_TOKEN.get(operatorToken.tokenType.name);
    const comparator: ast.Comparator = {
      kind: 'Comparator',
      operator: symbolic?.operator ?? 'In',
      negated: symbolic?.negated ?? negation !== undefined,
      span: negation === undefined ? this.tokenSpan(operatorToken) : joinSpans(this.nodeSpan(negation), this.tokenSpan(operatorToken)),
    };
    const literal = nodeOf(node, 'literal');
    const rhs = literal !== undefined ? this.literal(literal) : this.query(nodeOf(node, 'query') as CstNode, tokenOf(node, 'Some'));
    return { kind: 'KeysFilter', capture, comparator, rhs, span };
  }

  // ------------------------------------------------------------ literals

  literal(node: CstNode): ast.Literal {
    const span = this.nodeSpan(node);
    const [name, children] = Object.entries(node.children)[0] as [string, (CstNode | IToken)[]];
    const child = children[0] as CstNode | IToken;
    switch (name) {
      case 'Null':
        return { kind: 'NullLiteral', span };
      case 'True':
        return { kind: 'BoolLiteral', value: true, span };
      case 'False':
        return { kind: 'BoolLiteral', value: false, span };
      case 'StringLiteral':
        return { kind: 'StringLiteral', value: unquoteString((child as IToken).image), span };
      case 'IntLiteral':
        return { kind: 'IntLiteral', value: this.int(child as IToken), span };
      case 'FloatLiteral':
        return { kind: 'FloatLiteral', value: this.float(child as IToken), span };
      case 'RegexLiteral':
        return { kind: 'RegexLiteral', pattern: this.regex(child as IToken), span };
      case 'rangeLiteral':
        return this.range(child as CstNode, span);
      case 'listLiteral':
        return { kind: 'ListLiteral', elements: nodesOf(child as CstNode, 'elements').map((n) => this.literal(n)), span };
      default:
        return { kind: 'MapLiteral', entries: nodesOf(child as CstNode, 'mapEntry').map((n) => this.mapEntry(n)), span };
    }
  }

  private int(token: IToken): number {
    const value = parseI64(token.image);
    if (value !== null) return value;
    this.report(DiagnosticCodes.integerOutOfRange, `the integer ${token.image} is outside the 64-bit integer range`, this.tokenSpan(token));
    return 0;
  }

  private float(token: IToken): number {
    if (token.image.startsWith('-')) {
      this.report(
        DiagnosticCodes.negativeFloat,
        `negative float literals such as ${token.image} are not supported by cfn-guard; compare against 0.0 or use an integer`,
        this.tokenSpan(token),
      );
    }
    return Number(token.image);
  }

  private regex(token: IToken): string {
    const pattern = regexPattern(token.image);
    const problem = regexCompileError(pattern);
    if (problem !== null) this.report(DiagnosticCodes.invalidRegex, `invalid regex /${pattern}/: ${problem}`, this.tokenSpan(token));
    return pattern;
  }

  private range(node: CstNode, span: SourceSpan): ast.RangeLiteral {
    const lower = this.rangeBound(nodeOf(node, 'lower') as CstNode);
    const upper = this.rangeBound(nodeOf(node, 'upper') as CstNode);
    if (lower.kind !== upper.kind) {
      this.report(DiagnosticCodes.rangeBoundsMismatch, `both bounds of a range must be of one kind (got ${lower.kind} and ${upper.kind})`, span);
    }
    return {
      kind: 'RangeLiteral',
      lower,
      upper,
      lowerInclusive: (tokenOf(node, 'open') as IToken).image === '[',
      upperInclusive: (tokenOf(node, 'close') as IToken).image === ']',
      span,
    };
  }

  private rangeBound(node: CstNode): ast.RangeBound {
    const int = tokenOf(node, 'IntLiteral');
    if (int !== undefined) return { kind: 'int', value: this.int(int) };
    const float = tokenOf(node, 'FloatLiteral');
    if (float !== undefined) return { kind: 'float', value: this.float(float) };
    return { kind: 'char', value: (tokenOf(node, 'char') as IToken).image };
  }

  private mapEntry(node: CstNode): ast.MapLiteralEntry {
    const quoted = tokenOf(node, 'key');
    let key: string;
    if (quoted !== undefined) {
      key = unquoteString(quoted.image);
    } else {
      const pieces = nodesOf(node, 'bareKeyPiece');
      const first = pieces[0] as CstNode;
      const last = pieces[pieces.length - 1] as CstNode;
      key = this.text.slice(this.nodeSpan(first).start.offset, this.nodeSpan(last).end.offset);
    }
    return { kind: 'MapLiteralEntry', key, value: this.literal(nodeOf(node, 'value') as CstNode), span: this.nodeSpan(node) };
  }
}

function lineAndColumnAtEnd(text: string): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: text.length - lineStart + 1 };
}
