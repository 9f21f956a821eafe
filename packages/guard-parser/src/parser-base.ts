/**
 * What cfn-guard's scannerless parser sees and a token stream hides: whether tokens touch,
 * whether a line break or a comment separates them, which words start with a keyword. The
 * grammar (parser.ts) asks these questions in its gates. Also the parser's error reporting,
 * which skips Chevrotain's costly expected-path computation.
 */
import { CstParser, EarlyExitException, EOF, NoViableAltException, tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { hasOperatorPrefix } from './lexer.js';
import { guardErrorMessages } from './parser-messages.js';
import * as t from './tokens.js';

/** Punctuation a one-character range bound can be. */
export const SINGLE_CHARACTER_TOKENS: readonly TokenType[] = [
  t.UnknownCharacter, t.Bang, t.Star, t.Dash, t.Dot, t.Colon, t.Pipe, t.Less, t.Greater, t.Assign,
  t.LParen, t.RParen, t.LCurly, t.RCurly, t.LBracket, t.RBracket,
];

export const UNARY_KEYWORDS: readonly TokenType[] = [t.Exists, t.Empty, t.IsString, t.IsList, t.IsStruct, t.IsBool, t.IsInt, t.IsFloat, t.IsNull];

const COMPARISON_START_TOKENS: readonly TokenType[] = [
  t.Equals, t.NotEquals, t.GreaterEquals, t.LessEquals, t.Greater, t.Less, t.In, ...UNARY_KEYWORDS,
];

export function startsWithWhen(token: IToken): boolean {
  return tokenMatcher(token, t.Word) && (token.image.startsWith('when') || token.image.startsWith('WHEN'));
}

const CLAUSE_START_TOKENS: readonly TokenType[] = [t.Word, t.StringLiteral, t.VariableReference, t.Bang, t.TypeName];

export interface GrammarCheckOptions {
  readonly validateGrammar?: boolean;
}

export abstract class GuardParserBase extends CstParser {
  /** The text being parsed, for the whitespace-sensitive checks. */
  protected source = '';

  /**
   * `validateGrammar` runs Chevrotain's grammar checks (ambiguities, left recursion…): a third of
   * the parser's construction time, paid by every CLI start, for a grammar that only changes with
   * the code, so the tests run them (test/grammar-validations.test.ts) and production skips them.
   */
  constructor(options: GrammarCheckOptions = {}) {
    super([...t.ALL_TOKENS], {
      skipValidations: options.validateGrammar !== true,
      maxLookahead: 1,
      recoveryEnabled: true,
      nodeLocationTracking: 'full',
      errorMessageProvider: guardErrorMessages,
    });
  }

  // ------------------------------------------------------------ error reporting

  /**
   * Chevrotain computes every expected token path of the failing alternative before building a
   * message (up to seconds per error with this grammar); our messages do not list paths, so
   * these two overrides of its internals skip that work.
   */
  protected raiseNoAltException(_occurrence: number, userDescription: string | undefined): never {
    const message = guardErrorMessages.buildNoViableAltMessage({
      expectedPathsPerAlt: [],
      actual: [this.LA(1)],
      previous: this.LA(0),
      customUserDescription: userDescription ?? '',
      ruleName: this.internals().getCurrRuleFullName(),
    });
    throw this.internals().SAVE_ERROR(new NoViableAltException(message, this.LA(1), this.LA(0)));
  }

  protected raiseEarlyExitException(_occurrence: number, _productionType: unknown, userDescription: string | undefined): never {
    const message = guardErrorMessages.buildEarlyExitMessage({
      expectedIterationPaths: [],
      actual: [this.LA(1)],
      previous: this.LA(0),
      customUserDescription: userDescription ?? '',
      ruleName: this.internals().getCurrRuleFullName(),
    });
    throw this.internals().SAVE_ERROR(new EarlyExitException(message, this.LA(1), this.LA(0)));
  }

  protected internals(): { getCurrRuleFullName(): string; SAVE_ERROR(error: Error): Error } {
    return this as unknown as { getCurrRuleFullName(): string; SAVE_ERROR(error: Error): Error };
  }

  // ------------------------------------------------------------ whitespace-sensitive checks

  protected gap(before: IToken | undefined, after: IToken): string {
    if (before?.endOffset === undefined) return '';
    const end = tokenMatcher(after, EOF) ? this.source.length : after.startOffset;
    return this.source.slice(before.endOffset + 1, end);
  }

  protected adjacent(before: IToken | undefined, after: IToken): boolean {
    return before?.endOffset !== undefined && !tokenMatcher(after, EOF) && after.startOffset === before.endOffset + 1;
  }

  /**
   * `not`/`NOT` is a negation only when spaces or tabs follow it; what it negates must follow on
   * the same line. With `committed`, a `not ` that the line break then spoils still counts (the
   * clause-level `not` of cfn-guard is taken before it looks further and then fails).
   */
  protected notWordFollowedBySpace(index: number, committed: boolean): boolean {
    const token = this.LA(index);
    const next = this.LA(index + 1);
    if (!tokenMatcher(token, t.Not) || tokenMatcher(next, EOF)) return false;
    const gap = this.gap(token, next);
    return committed ? gap[0] === ' ' || gap[0] === '\t' : /^[ \t]+$/.test(gap);
  }

  /** Is LA(index) the start of a negation (`not ` or `!` glued to the next token)? */
  protected negationAt(index: number, committed = false): boolean {
    const token = this.LA(index);
    if (tokenMatcher(token, t.Bang)) return this.adjacent(token, this.LA(index + 1));
    return this.notWordFollowedBySpace(index, committed);
  }

  /** After a clause-level `not `, the query or call must be on the same line. */
  protected onSameLine(): boolean {
    return /^[ \t]*$/.test(this.gap(this.LA(0), this.LA(1)));
  }

  /** cfn-guard's terminator after a bare rule name: EOF, newline, comment, `{` or `or`. */
  /**
   * cfn-guard's `rule_clause` lookahead after a bare rule name: the end of the text right
   * after it, or spaces/tabs then a line break, a comment or `{`, or `or`; otherwise a
   * `<<message>>` must follow on the same line.
   */
  protected ruleReferenceEndsHere(): boolean {
    const next = this.LA(1);
    // cfn-guard tries a comparison first, across line breaks: `base` then `inventory` is `base in ventory`.
    if (hasOperatorPrefix(next)) return false;
    const gap = this.gap(this.LA(0), next);
    if (tokenMatcher(next, EOF)) return gap === '' || /^[ \t]*(\r?\n|#)/.test(gap);
    if (tokenMatcher(next, t.OrWord) || tokenMatcher(next, t.PipeOr)) return true;
    if (tokenMatcher(next, t.LCurly) && /^[ \t]*$/.test(gap)) return true;
    return /^[ \t]*(\r?\n|#)/.test(gap) || this.messageOnSameLine();
  }

  /** `some` followed by what may end a rule reference (a line break or comment on its line). */
  protected someCouldBeRuleReference(): boolean {
    return /^[ \t]*(\r?\n|#)/.test(this.gap(this.LA(1), this.LA(2)));
  }

  protected messageOnSameLine(): boolean {
    const next = this.LA(1);
    return tokenMatcher(next, t.CustomMessage) && /^[ \t]*$/.test(this.gap(this.LA(0), next));
  }

  /** Does LA(index) continue a query started just before it (a part, an operator, a block)? */
  protected queryContinuesAt(index: number): boolean {
    const token = this.LA(index);
    if (tokenMatcher(token, t.Dot) || tokenMatcher(token, t.LBracket) || tokenMatcher(token, t.LCurly)) return true;
    if (COMPARISON_START_TOKENS.some((type) => tokenMatcher(token, type))) return true;
    if (!tokenMatcher(token, t.Not) && !tokenMatcher(token, t.Bang)) return false;
    const next = this.LA(index + 1);
    return tokenMatcher(next, t.In) || UNARY_KEYWORDS.some((type) => tokenMatcher(next, type));
  }

  protected clauseStartAt(index: number): boolean {
    const token = this.LA(index);
    return CLAUSE_START_TOKENS.some((type) => tokenMatcher(token, type));
  }

  /** A keyword that needs whitespace or a comment after it (`when`, `some`). */
  protected separatedAt(index: number): boolean {
    return !this.adjacent(this.LA(index), this.LA(index + 1));
  }

  /** An operator, possibly negated, follows (`base` then `not other` on the next line does not). */
  protected comparisonAhead(): boolean {
    const first = this.LA(1);
    if (COMPARISON_START_TOKENS.some((type) => tokenMatcher(first, type))) return true;
    if (!tokenMatcher(first, t.Not) && !tokenMatcher(first, t.Bang)) return false;
    const second = this.LA(2);
    return tokenMatcher(second, t.In) || UNARY_KEYWORDS.some((type) => tokenMatcher(second, type));
  }

  protected queryStartAt(index: number): boolean {
    const token = this.LA(index);
    return (tokenMatcher(token, t.Word) && !tokenMatcher(token, t.When)) || tokenMatcher(token, t.VariableReference) || tokenMatcher(token, t.StringLiteral);
  }

  /** `name(` with no space before `(`; any word, keywords included, can name a function. */
  protected functionCallAhead(): boolean {
    return tokenMatcher(this.LA(1), t.Word) && tokenMatcher(this.LA(2), t.LParen) && this.adjacent(this.LA(1), this.LA(2));
  }

  protected isRangeBound(token: IToken): boolean {
    return (
      tokenMatcher(token, t.IntLiteral) ||
      tokenMatcher(token, t.FloatLiteral) ||
      (token.image.length === 1 && !tokenMatcher(token, t.Comma) && !tokenMatcher(token, EOF))
    );
  }

  /**
   * `r[lo, hi]` with spaces or tabs only around the bounds; when the shape does not fit,
   * cfn-guard falls back to a call (`r(…)`) or a query (`r[…]`).
   */
  protected rangeAhead(): boolean {
    const r = this.LA(1);
    const open = this.LA(2);
    const close = this.LA(6);
    return (
      tokenMatcher(r, t.Identifier) &&
      r.image === 'r' &&
      (tokenMatcher(open, t.LBracket) || tokenMatcher(open, t.LParen)) &&
      this.adjacent(r, open) &&
      this.isRangeBound(this.LA(3)) &&
      tokenMatcher(this.LA(4), t.Comma) &&
      this.isRangeBound(this.LA(5)) &&
      (tokenMatcher(close, t.RBracket) || tokenMatcher(close, t.RParen)) &&
      !/[^ \t]/.test(this.source.slice((open.endOffset ?? open.startOffset) + 1, close.startOffset).replace(/[^\s#]/g, ''))
    );
  }


  protected adjacentIfBang(): boolean {
    return !tokenMatcher(this.LA(1), t.Bang) || this.adjacent(this.LA(1), this.LA(2));
  }

  protected keysOperatorAhead(): boolean {
    if (!tokenMatcher(this.LA(1), t.Keys)) return false;
    const op = this.LA(2);
    return (
      tokenMatcher(op, t.Equals) ||
      tokenMatcher(op, t.NotEquals) ||
      tokenMatcher(op, t.In) ||
      ((tokenMatcher(op, t.Not) || tokenMatcher(op, t.Bang)) && tokenMatcher(this.LA(3), t.In))
    );
  }

  /** A text starting with `keys` after `[` must be a keys filter in cfn-guard. */
  protected keysFilterAhead(): boolean {
    const token = this.LA(1);
    return tokenMatcher(token, t.Word) && (token.image.startsWith('keys') || token.image.startsWith('KEYS'));
  }
}
