/**
 * The Guard grammar as a Chevrotain `CstParser` (grammar only; build-ast.ts turns the CST into
 * the AST). One instance is shared by every parse: Chevrotain analyses the grammar once, in the
 * constructor.
 *
 * cfn-guard's parser is a PEG (ordered choice). Where its alternatives share a long prefix
 * (a clause, a block clause and a rule reference all start with a query), this grammar parses
 * the common prefix once and decides by what follows, which keeps the parser LL(k) and fast.
 * Whitespace is skipped by the lexer; the few places where cfn-guard cares about it (a rule
 * reference must end its line, `not` needs a space after it, `!`, `(` and `.` need none) are
 * checked in gates against the source text.
 */
import { tokenMatcher, type CstNode, type IToken } from 'chevrotain';
import { GuardParserBase, type GrammarCheckOptions, SINGLE_CHARACTER_TOKENS, startsWithWhen, UNARY_KEYWORDS } from './parser-base.js';
import * as t from './tokens.js';

/** What a clause position admits; cfn-guard has a different production for each. */
export interface ClauseContext {
  readonly typeBlocks: boolean;
  readonly whenBlocks: boolean;
  readonly ruleReferences: boolean;
  readonly blockClauses: boolean;
  /** Whether the body of a `when` found here may hold rule references. */
  readonly whenBodyAllowsReferences: boolean;
}

/** Query blocks, type blocks, filters and `when` blocks nested in them. */
export const PLAIN: ClauseContext = { typeBlocks: false, whenBlocks: true, ruleReferences: false, blockClauses: true, whenBodyAllowsReferences: false };
/** Top-level items, gathered into the default rule. */
export const TOP: ClauseContext = { typeBlocks: true, whenBlocks: true, ruleReferences: false, blockClauses: true, whenBodyAllowsReferences: true };
/** The body of a named rule. */
export const RULE_BODY: ClauseContext = { typeBlocks: true, whenBlocks: true, ruleReferences: true, blockClauses: true, whenBodyAllowsReferences: true };
/** The body of a `when` at rule or file level. */
export const WHEN_BODY: ClauseContext = { typeBlocks: false, whenBlocks: true, ruleReferences: true, blockClauses: true, whenBodyAllowsReferences: false };
/** `when` conditions: comparisons, calls and rule references only. */
export const CONDITIONS: ClauseContext = { typeBlocks: false, whenBlocks: false, ruleReferences: true, blockClauses: false, whenBodyAllowsReferences: false };

export class GuardParser extends GuardParserBase {
  constructor(options: GrammarCheckOptions = {}) {
    super(options);
    this.performSelfAnalysis();
  }

  parse(tokens: IToken[], source: string): CstNode {
    this.source = source;
    this.input = tokens;
    return this.rulesFile();
  }

  // ------------------------------------------------------------ file and rules

  /** rules_file = ( let_stmt | rule | type_block (OR type_block)* | when_block | clause (OR clause)* )* EOF */
  public rulesFile = this.RULE('rulesFile', () => {
    this.MANY(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
        DEF: [
          { GATE: () => tokenMatcher(this.LA(2), t.Word), ALT: () => this.SUBRULE(this.letStatement) },
          // `rule` starts a rule only when whitespace follows (`rule!= X` is a clause on a key `rule`).
          { GATE: () => this.separatedAt(1), ALT: () => this.SUBRULE(this.ruleDeclaration) },
          { GATE: () => !tokenMatcher(this.LA(1), t.Rule) || !this.separatedAt(1), ALT: () => this.SUBRULE(this.disjunction, { ARGS: [TOP] }) },
        ],
      });
    });
  });

  /** let_stmt = 'let' NAME ( '=' | ':=' ) ( literal | call | query ) */
  public letStatement = this.RULE('letStatement', () => {
    this.CONSUME(t.Let);
    this.CONSUME(t.Word, { LABEL: 'name' });
    this.OR([{ ALT: () => this.CONSUME(t.Assign) }, { ALT: () => this.CONSUME(t.ColonAssign) }]);
    this.SUBRULE(this.value);
  });

  /**
   * named_rule = 'rule' NAME ( 'when' conditions )? block
   * param_rule = 'rule' NAME '(' NAME ( ',' NAME )* ')' block     (no space before '(')
   */
  public ruleDeclaration = this.RULE('ruleDeclaration', () => {
    this.CONSUME(t.Rule);
    this.CONSUME(t.Word, { LABEL: 'name' });
    this.OR([
      {
        GATE: () => this.adjacent(this.LA(0), this.LA(1)),
        ALT: () => {
          this.CONSUME(t.LParen);
          this.CONSUME2(t.Word, { LABEL: 'parameters' });
          this.MANY(() => {
            this.CONSUME(t.Comma);
            this.CONSUME3(t.Word, { LABEL: 'parameters' });
          });
          this.CONSUME(t.RParen);
          this.SUBRULE(this.block, { ARGS: [RULE_BODY] });
        },
      },
      {
        ALT: () => {
          this.OPTION({
            GATE: () => this.separatedAt(1),
            DEF: () => {
              this.CONSUME(t.When);
              this.SUBRULE(this.conditions);
            },
          });
          this.SUBRULE2(this.block, { ARGS: [RULE_BODY] });
        },
      },
    ]);
  });

  /** conditions = disj<cond_item>+   (ended by the `{` of the body) */
  public conditions = this.RULE('conditions', () => {
    this.AT_LEAST_ONE(() => this.SUBRULE(this.disjunction, { ARGS: [CONDITIONS] }));
  });

  /** block = '{' ( let_stmt | disj<item> )+ '}' */
  public block = this.RULE('block', (given?: ClauseContext) => {
    const context = given ?? PLAIN;
    this.CONSUME(t.LCurly);
    this.AT_LEAST_ONE(() => {
      this.OR({
        IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
        DEF: [
          { GATE: () => tokenMatcher(this.LA(2), t.Word), ALT: () => this.SUBRULE(this.letStatement) },
          { ALT: () => this.SUBRULE(this.disjunction, { ARGS: [context] }) },
        ],
      });
    });
    this.CONSUME(t.RCurly);
  });

  // ------------------------------------------------------------ clauses

  /** disj<X> = X ( OR X )*  with OR = 'or' | 'OR' | '|OR|' */
  public disjunction = this.RULE('disjunction', (given?: ClauseContext) => {
    const context = given ?? PLAIN;
    this.SUBRULE(this.clause, { ARGS: [context] });
    this.MANY({
      // `or` needs whitespace or a comment after it, and a clause: in `or == 1` or `or\n.X == 1`
      // it is the name of a property starting the next clause.
      GATE: () => !this.adjacent(this.LA(1), this.LA(2)) && this.clauseStartAt(2) && !this.queryContinuesAt(2),
      DEF: () => {
      this.OR([{ ALT: () => this.CONSUME(t.OrWord) }, { ALT: () => this.CONSUME(t.PipeOr) }]);
      this.SUBRULE2(this.clause, { ARGS: [context] });
      },
    });
  });

  public clause = this.RULE('clause', (given?: ClauseContext) => {
    const context = given ?? PLAIN;
    this.OR({
      IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
      DEF: [
        { GATE: () => context.typeBlocks, ALT: () => this.SUBRULE(this.typeBlock) },
        {
          GATE: () => context.whenBlocks && this.separatedAt(1) && !this.whenIsRuleReference(context),
          ALT: () => this.SUBRULE(this.whenBlock, { ARGS: [context.whenBodyAllowsReferences ? WHEN_BODY : PLAIN] }),
        },
        // cfn-guard commits to a `when` block on any word starting with `when` where one may appear.
        {
          GATE: () => !(context.whenBlocks && startsWithWhen(this.LA(1))) || this.whenIsRuleReference(context),
          ALT: () => this.SUBRULE(this.queryClause, { ARGS: [context] }),
        },
      ],
    });
  });

  /** 'when' conditions block */
  public whenBlock = this.RULE('whenBlock', (given?: ClauseContext) => {
    const bodyContext = given ?? PLAIN;
    this.CONSUME(t.When);
    this.SUBRULE(this.conditions);
    this.SUBRULE(this.block, { ARGS: [bodyContext] });
  });

  /** type_block = TYPE_NAME ( 'when' conditions block | block | clause ) */
  public typeBlock = this.RULE('typeBlock', () => {
    this.CONSUME(t.TypeName);
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          GATE: () => !this.adjacent(this.LA(0), this.LA(1)) && this.separatedAt(1),
          ALT: () => {
            this.CONSUME(t.When);
            this.SUBRULE(this.conditions);
            this.SUBRULE(this.block, { ARGS: [PLAIN] });
          },
        },
        { GATE: () => !this.adjacent(this.LA(0), this.LA(1)), ALT: () => this.SUBRULE2(this.block, { ARGS: [PLAIN] }) },
        { GATE: () => !this.adjacent(this.LA(0), this.LA(1)), ALT: () => this.SUBRULE(this.clause, { ARGS: [PLAIN] }) },
      ],
    });
  });

  /**
   * Every clause that starts with `not`, a function call or a query:
   *   call_clause   = NOT? call message?
   *   block_clause  = query ( NOT 'empty' )? block
   *   access_clause = NOT? query ( unary_op | binary_op rhs ) message?
   *   rule_ref      = NOT? NAME ( <end of line> | message )
   */
  public queryClause = this.RULE('queryClause', (given?: ClauseContext) => {
    const context = given ?? PLAIN;
    let negated = false;
    this.OPTION({
      GATE: () => this.negationAt(1, true),
      DEF: () => {
        this.SUBRULE(this.negation);
        negated = true;
      },
    });
    this.OR([
      {
        GATE: () => (!negated || this.onSameLine()) && this.functionCallAhead(),
        ALT: () => {
          this.SUBRULE(this.functionCall);
          this.OPTION2(() => this.CONSUME(t.CustomMessage));
        },
      },
      {
        GATE: () => !negated || this.onSameLine(),
        ALT: () => {
          let first: IToken | undefined;
          // `some` followed by whitespace commits to a `some` query; failing that, the word can
          // only be a rule reference named `some` (cfn-guard: `some == 1` is an error).
          let spacedSome = false;
          this.ACTION(() => {
            first = this.LA(1);
            spacedSome = tokenMatcher(first, t.Some) && this.gap(first, this.LA(2)) !== '';
          });
          // `some` alone is a name (a rule reference), not the prefix of a query.
          this.OPTION3({
            // `some` that could also be a rule reference named `some` is one unless a whole
            // `some` comparison or block follows (cfn-guard tries the clause first).
            GATE: () => this.separatedAt(1) && this.queryStartAt(2) && !(context.ruleReferences && this.someCouldBeRuleReference() && !this.someClauseProbe()),
            DEF: () => {
              this.CONSUME(t.Some);
              spacedSome = false;
            },
          });
          this.SUBRULE(this.query);
          // A rule reference is a lone name: the query consumed exactly the token it started at.
          const bareName = (): boolean => first !== undefined && this.LA(0) === first && tokenMatcher(first, t.Word);
          this.OR2({
            IGNORE_AMBIGUITIES: true,
            DEF: [
              { GATE: () => !spacedSome && this.comparisonAhead(), ALT: () => this.SUBRULE(this.comparisonTail, { ARGS: [context, negated] }) },
              { GATE: () => !spacedSome && context.blockClauses && !negated, ALT: () => this.SUBRULE(this.block, { ARGS: [PLAIN] }) },
              {
                GATE: () => context.ruleReferences && bareName() && this.ruleReferenceEndsHere(),
                ALT: () => this.OPTION4({ GATE: () => this.messageOnSameLine(), DEF: () => this.CONSUME2(t.CustomMessage) }),
              },
            ],
          });
        },
      },
    ]);
  });

  /** What follows the query of a comparison: operator, right-hand side, message. */
  public comparisonTail = this.RULE('comparisonTail', (given?: ClauseContext, clauseNegatedGiven?: boolean) => {
    const context = given ?? PLAIN;
    const clauseNegated = clauseNegatedGiven ?? false;
    // `not in` and `not exists` share their first token: two tokens decide.
    this.OR({
      MAX_LOOKAHEAD: 2,
      DEF: [
      {
        ALT: () => {
          this.SUBRULE(this.binaryOperator);
          this.SUBRULE(this.value);
          this.OPTION(() => this.CONSUME(t.CustomMessage));
        },
      },
      {
        ALT: () => {
          let negated = false;
          this.OPTION2({
            GATE: () => this.negationAt(1) && this.adjacentIfBang(),
            DEF: () => {
              this.SUBRULE(this.negation);
              negated = true;
            },
          });
          this.SUBRULE(this.unaryKeyword);
          const notEmpty = (): boolean => negated && tokenMatcher(this.LA(0), t.Empty);
          this.OR2({
            IGNORE_AMBIGUITIES: true,
            DEF: [
              {
                GATE: () => context.blockClauses && notEmpty() && !clauseNegated,
                ALT: () => this.SUBRULE(this.block, { ARGS: [PLAIN] }),
              },
              { ALT: () => this.OPTION3(() => this.CONSUME2(t.CustomMessage)) },
            ],
          });
        },
      },
      ],
    });
  });

  /** '==' | '!=' | '>=' | '<=' | '>' | '<' | NOT? 'in' */
  public binaryOperator = this.RULE('binaryOperator', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Equals) },
      { ALT: () => this.CONSUME(t.NotEquals) },
      { ALT: () => this.CONSUME(t.GreaterEquals) },
      { ALT: () => this.CONSUME(t.LessEquals) },
      { ALT: () => this.CONSUME(t.Greater) },
      { ALT: () => this.CONSUME(t.Less) },
      {
        ALT: () => {
          this.OPTION({ GATE: () => this.negationAt(1), DEF: () => this.SUBRULE(this.negation) });
          this.CONSUME(t.In);
        },
      },
    ]);
  });

  public unaryKeyword = this.RULE('unaryKeyword', () => {
    this.OR(UNARY_KEYWORDS.map((type) => ({ ALT: () => this.CONSUME(type) })));
  });

  /** NOT = ( 'not' | 'NOT' ) followed by a space or tab | '!' */
  public negation = this.RULE('negation', () => {
    this.OR([{ ALT: () => this.CONSUME(t.Not) }, { ALT: () => this.CONSUME(t.Bang) }]);
  });

  /** call = NAME '(' arg ( ',' arg )* ')'   (no space before '(', at least one argument) */
  public functionCall = this.RULE('functionCall', () => {
    this.CONSUME(t.Word, { LABEL: 'name' });
    this.CONSUME(t.LParen);
    this.SUBRULE(this.value, { LABEL: 'arguments' });
    this.MANY(() => {
      this.CONSUME(t.Comma);
      this.SUBRULE2(this.value, { LABEL: 'arguments' });
    });
    this.CONSUME(t.RParen);
  });

  /** rhs = literal | call | query   (in this order: `true`, `r[1,2]`, `[…]` are literals) */
  public value = this.RULE('value', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
      DEF: [
        { GATE: () => !tokenMatcher(this.LA(1), t.Identifier) || this.rangeAhead(), ALT: () => this.SUBRULE(this.literal) },
        { GATE: () => this.functionCallAhead(), ALT: () => this.SUBRULE(this.functionCall) },
        {
          ALT: () => {
            // In a value, `some` followed by whitespace commits to a query (`== some\n` is an error).
            this.OPTION({ GATE: () => this.gap(this.LA(1), this.LA(2)) !== '', DEF: () => this.CONSUME(t.Some) });
            this.SUBRULE(this.query);
          },
        },
      ],
    });
  });

  // ------------------------------------------------------------ queries

  /** query = head part*   with head = 'this' | %NAME | NAME | STRING */
  public query = this.RULE('query', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(t.This) },
        { ALT: () => this.CONSUME(t.VariableReference) },
        { ALT: () => this.CONSUME(t.Word, { LABEL: 'key' }) },
        { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: 'key' }) },
      ],
    });
    this.MANY(() => this.SUBRULE(this.queryPart));
  });

  public queryPart = this.RULE('queryPart', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.dotPart) },
      { ALT: () => this.SUBRULE(this.bracketPart) },
    ]);
  });

  /** '.' ( INT | NAME | STRING | %NAME | '*' )   (nothing between '.' and what follows) */
  public dotPart = this.RULE('dotPart', () => {
    this.CONSUME(t.Dot);
    this.OR({
      DEF: [
        { GATE: () => this.adjacent(this.LA(0), this.LA(1)), ALT: () => this.CONSUME(t.IntLiteral) },
        // `.2.5` is two indexes, lexed as one float.
        { GATE: () => this.adjacent(this.LA(0), this.LA(1)) && /^\d+\.\d+$/.test(this.LA(1).image), ALT: () => this.CONSUME(t.FloatLiteral) },
        { GATE: () => this.adjacent(this.LA(0), this.LA(1)), ALT: () => this.CONSUME(t.Word) },
        { GATE: () => this.adjacent(this.LA(0), this.LA(1)), ALT: () => this.CONSUME(t.StringLiteral) },
        { GATE: () => this.adjacent(this.LA(0), this.LA(1)), ALT: () => this.CONSUME(t.VariableReference) },
        { GATE: () => this.adjacent(this.LA(0), this.LA(1)), ALT: () => this.CONSUME(t.Star) },
      ],
    });
  });

  /**
   * '[' '*' ']' | '[' INT ']' | '[' STRING ']' | '[' NAME ']'
   * | '[' ( NAME '|' )? 'keys' keys_op ( literal | query ) ']'
   * | '[' ( NAME '|' )? filter_cnf ']'
   */
  public bracketPart = this.RULE('bracketPart', () => {
    this.CONSUME(t.LBracket);
    this.OR({
      IGNORE_AMBIGUITIES: true,
        MAX_LOOKAHEAD: 1,
      DEF: [
        {
          GATE: () => tokenMatcher(this.LA(2), t.RBracket),
          ALT: () => this.CONSUME(t.Star),
        },
        {
          GATE: () => tokenMatcher(this.LA(2), t.RBracket) && this.adjacent(this.LA(0), this.LA(1)),
          ALT: () => this.CONSUME(t.IntLiteral, { LABEL: 'index' }),
        },
        {
          GATE: () => tokenMatcher(this.LA(2), t.RBracket) && this.adjacent(this.LA(0), this.LA(1)),
          ALT: () => this.CONSUME(t.StringLiteral, { LABEL: 'key' }),
        },
        {
          GATE: () => tokenMatcher(this.LA(2), t.RBracket),
          ALT: () => this.CONSUME(t.Word, { LABEL: 'allValues' }),
        },
        {
          ALT: () => {
            this.OPTION({
              GATE: () => tokenMatcher(this.LA(2), t.Pipe) && !this.gap(this.LA(1), this.LA(2)).includes('\n'),
              DEF: () => {
                this.CONSUME2(t.Word, { LABEL: 'capture' });
                this.CONSUME(t.Pipe);
              },
            });
            // cfn-guard commits to a keys filter once `keys` is followed by an operator; when
            // what follows the value is not `]`, it re-reads the whole as an ordinary filter.
            this.OR2({
              IGNORE_AMBIGUITIES: true,
              MAX_LOOKAHEAD: 1,
              DEF: [
                {
                  GATE: () => this.keysFilterAhead() && (!this.keysOperatorAhead() || this.closedKeysFilterAhead()),
                  ALT: () => this.SUBRULE(this.keysFilter),
                },
                {
                  GATE: () => !this.keysFilterAhead() || this.keysOperatorAhead(),
                  ALT: () => this.AT_LEAST_ONE(() => this.SUBRULE(this.disjunction, { ARGS: [PLAIN] })),
                },
              ],
            });
          },
        },
      ],
    });
    this.CONSUME(t.RBracket);
  });

  /** Speculative: does a whole `keys OP value ]` follow? */
  private closedKeysFilterAhead(): boolean {
    return this.closedKeysFilterProbe();
  }

  /**
   * cfn-guard's one way back from a `when`: where rule references are allowed, `when` ending
   * its line, followed by conditions that parse but no `{`, is a reference to a rule `when`.
   */
  private whenIsRuleReference(context: ClauseContext): boolean {
    return (
      context.ruleReferences &&
      tokenMatcher(this.LA(1), t.When) &&
      /^[ \t]*(\r?\n|#)/.test(this.gap(this.LA(1), this.LA(2))) &&
      this.whenConditionsProbe() &&
      !this.whenBlockProbe()
    );
  }

  /** Only used speculatively by whenIsRuleReference(). */
  public whenConditions = this.RULE('whenConditions', () => {
    this.CONSUME(t.When);
    this.SUBRULE(this.conditions);
  });

  private readonly whenConditionsProbe = this.BACKTRACK(this.whenConditions);
  private readonly whenBlockProbe = this.BACKTRACK(this.whenBlock, [WHEN_BODY]);

  /** Only used speculatively: does `some <query> <operator or block>` follow? */
  public someClause = this.RULE('someClause', () => {
    this.CONSUME(t.Some);
    this.SUBRULE(this.query);
    this.OR([
      { GATE: () => this.comparisonAhead(), ALT: () => this.SUBRULE(this.comparisonTail) },
      { ALT: () => this.CONSUME(t.LCurly) },
    ]);
  });

  private readonly someClauseProbe = this.BACKTRACK(this.someClause);

  /** Only used speculatively by closedKeysFilterAhead(). */
  public closedKeysFilter = this.RULE('closedKeysFilter', () => {
    this.SUBRULE(this.keysFilter);
    this.CONSUME(t.RBracket);
  });

  private readonly closedKeysFilterProbe = this.BACKTRACK(this.closedKeysFilter);

  /** 'keys' ( '==' | '!=' | NOT? 'in' ) ( literal | query ) */
  public keysFilter = this.RULE('keysFilter', () => {
    this.CONSUME(t.Keys);
    this.OR([
      { ALT: () => this.CONSUME(t.Equals) },
      { ALT: () => this.CONSUME(t.NotEquals) },
      {
        ALT: () => {
          this.OPTION({ GATE: () => this.negationAt(1), DEF: () => this.SUBRULE(this.negation) });
          this.CONSUME(t.In);
        },
      },
    ]);
    this.OR2({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { GATE: () => !tokenMatcher(this.LA(1), t.Identifier) || this.rangeAhead(), ALT: () => this.SUBRULE(this.literal) },
        {
          ALT: () => {
            this.OPTION2({ GATE: () => this.gap(this.LA(1), this.LA(2)) !== '', DEF: () => this.CONSUME(t.Some) });
            this.SUBRULE(this.query);
          },
        },
      ],
    });
  });

  // ------------------------------------------------------------ literals

  /** literal = NULL | STRING | FLOAT | INT | BOOL | REGEX | RANGE | list | map */
  public literal = this.RULE('literal', () => {
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.CONSUME(t.Null) },
        { ALT: () => this.CONSUME(t.StringLiteral) },
        { ALT: () => this.CONSUME(t.FloatLiteral) },
        { ALT: () => this.CONSUME(t.IntLiteral) },
        { ALT: () => this.CONSUME(t.True) },
        { ALT: () => this.CONSUME(t.False) },
        { ALT: () => this.CONSUME(t.RegexLiteral) },
        { GATE: () => this.rangeAhead(), ALT: () => this.SUBRULE(this.rangeLiteral) },
        { ALT: () => this.SUBRULE(this.listLiteral) },
        { ALT: () => this.SUBRULE(this.mapLiteral) },
      ],
    });
  });

  /** 'r' ( '[' | '(' ) bound ',' bound ( ']' | ')' ) */
  public rangeLiteral = this.RULE('rangeLiteral', () => {
    this.CONSUME(t.Identifier);
    this.OR([{ ALT: () => this.CONSUME(t.LBracket, { LABEL: 'open' }) }, { ALT: () => this.CONSUME(t.LParen, { LABEL: 'open' }) }]);
    this.SUBRULE(this.rangeBound, { LABEL: 'lower' });
    this.CONSUME(t.Comma);
    this.SUBRULE2(this.rangeBound, { LABEL: 'upper' });
    this.OR2([{ ALT: () => this.CONSUME(t.RBracket, { LABEL: 'close' }) }, { ALT: () => this.CONSUME(t.RParen, { LABEL: 'close' }) }]);
  });

  /** An int, a float, or a single character (`r[a, z]`, `r[!, ~]`). */
  public rangeBound = this.RULE('rangeBound', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.IntLiteral) },
      { ALT: () => this.CONSUME(t.FloatLiteral) },
      { GATE: () => this.LA(1).image.length === 1, ALT: () => this.CONSUME(t.Word, { LABEL: 'char' }) },
      ...SINGLE_CHARACTER_TOKENS.map((type) => ({ ALT: () => this.CONSUME(type, { LABEL: 'char' }) })),
    ]);
  });

  /** '[' ( literal ( ',' literal )* )? ']' */
  public listLiteral = this.RULE('listLiteral', () => {
    this.CONSUME(t.LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.literal, { LABEL: 'elements' });
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.literal, { LABEL: 'elements' });
      });
    });
    this.CONSUME(t.RBracket);
  });

  /** '{' ( key ':' literal ( ',' key ':' literal )* )? '}' */
  public mapLiteral = this.RULE('mapLiteral', () => {
    this.CONSUME(t.LCurly);
    this.OPTION(() => {
      this.SUBRULE(this.mapEntry);
      this.MANY(() => {
        this.CONSUME(t.Comma);
        this.SUBRULE2(this.mapEntry);
      });
    });
    this.CONSUME(t.RCurly);
  });

  /** key ':' literal, the key a string or a bare word of alphanumerics, `-` and `_`. */
  public mapEntry = this.RULE('mapEntry', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.StringLiteral, { LABEL: 'key' }) },
      {
        ALT: () => {
          this.SUBRULE(this.bareKeyPiece);
          this.MANY({ GATE: () => this.adjacent(this.LA(0), this.LA(1)), DEF: () => this.SUBRULE2(this.bareKeyPiece) });
        },
      },
    ]);
    this.CONSUME(t.Colon);
    this.SUBRULE(this.literal, { LABEL: 'value' });
  });

  public bareKeyPiece = this.RULE('bareKeyPiece', () => {
    this.OR([
      { ALT: () => this.CONSUME(t.Word) },
      { ALT: () => this.CONSUME(t.IntLiteral) },
      { ALT: () => this.CONSUME(t.Dash) },
      { GATE: () => /^[\p{Alphabetic}\p{N}_]$/u.test(this.LA(1).image), ALT: () => this.CONSUME(t.UnknownCharacter) },
    ]);
  });
}

/** The shared parser instance: building one analyses the whole grammar. */
export const guardParser = new GuardParser();
