/**
 * The parsed form of a Guard regex (Rust `regex` syntax as fancy-regex 0.13 reads it). Each
 * atom records the flags that were in force where it was written, exactly as fancy-regex does,
 * so that the emitters never have to re-derive flag scopes.
 */

export type AssertionKind =
  | 'start-text'
  | 'end-text'
  | 'start-line'
  | 'end-line'
  | 'word-boundary'
  | 'not-word-boundary'
  | 'word-start'
  | 'word-end';

export type RegexNode =
  | { readonly type: 'empty' }
  | { readonly type: 'any'; readonly dotAll: boolean }
  | { readonly type: 'literal'; readonly codePoint: number; readonly caseInsensitive: boolean }
  | { readonly type: 'assertion'; readonly kind: AssertionKind }
  | { readonly type: 'concat'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alternation'; readonly branches: readonly RegexNode[] }
  /** A capturing group; `index` is 1-based, in order of the opening parentheses. */
  | { readonly type: 'group'; readonly index: number; readonly child: RegexNode }
  | {
      readonly type: 'repeat';
      readonly child: RegexNode;
      readonly min: number;
      /** `Infinity` when unbounded. */
      readonly max: number;
      readonly greedy: boolean;
    }
  | {
      readonly type: 'look';
      readonly direction: 'ahead' | 'behind';
      readonly negated: boolean;
      readonly child: RegexNode;
    }
  /** `(?>…)` and possessive quantifiers: once matched, never backtracked into. */
  | { readonly type: 'atomic'; readonly child: RegexNode }
  /** Group 0 is the whole match, which never matches as a back-reference. */
  | { readonly type: 'backref'; readonly group: number }
  | { readonly type: 'class'; readonly set: ClassSet; readonly caseInsensitive: boolean };

/** Predefined classes of `regex-syntax` (Unicode-aware in Guard). */
export type PerlClassName = 'digit' | 'space' | 'word';

export type PosixClassName =
  | 'alnum'
  | 'alpha'
  | 'ascii'
  | 'blank'
  | 'cntrl'
  | 'digit'
  | 'graph'
  | 'lower'
  | 'print'
  | 'punct'
  | 'space'
  | 'upper'
  | 'word'
  | 'xdigit';

/** A bracketed class or a class escape, as `regex-syntax` evaluates it. */
export type ClassSet =
  | { readonly type: 'char'; readonly codePoint: number }
  | { readonly type: 'range'; readonly from: number; readonly to: number }
  | { readonly type: 'perl'; readonly name: PerlClassName; readonly negated: boolean }
  | { readonly type: 'posix'; readonly name: PosixClassName; readonly negated: boolean }
  /** `property` is already in JavaScript spelling (`Script_Extensions=Greek`, `Lu`, `Alphabetic`). */
  | { readonly type: 'unicode'; readonly property: string; readonly negated: boolean }
  | { readonly type: 'union'; readonly items: readonly ClassSet[]; readonly negated: boolean }
  | {
      readonly type: 'operation';
      readonly operator: 'intersection' | 'difference' | 'symmetric-difference';
      readonly left: ClassSet;
      readonly right: ClassSet;
    };

export interface ParsedRegex {
  readonly root: RegexNode;
  readonly groupCount: number;
  /** Group names to their index; a repeated name keeps its last group, as in fancy-regex. */
  readonly groupNames: ReadonlyMap<string, number>;
}
