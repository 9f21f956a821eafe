/**
 * The catalog of diagnostic codes the parser emits. Codes are stable: tests and tools match on
 * them, never on the message text.
 */
export const DiagnosticCodes = {
  /** The grammar does not allow this token here. */
  unexpectedToken: 'unexpected_token',
  /** A character that starts no token of the language. */
  unknownCharacter: 'unknown_character',
  unterminatedString: 'unterminated_string',
  unterminatedRegex: 'unterminated_regex',
  unterminatedMessage: 'unterminated_message',
  emptyRegex: 'empty_regex',
  /** cfn-guard compiles regexes at parse time; this one does not compile. */
  invalidRegex: 'invalid_regex',
  /** An integer outside the i64 range. */
  integerOutOfRange: 'integer_out_of_range',
  /** `-1.5`: cfn-guard reads `-1` and fails on the rest. */
  negativeFloat: 'negative_float',
  /** `r[1, 2.0]`, `r[a, 3]`: both bounds of a range must be of one kind. */
  rangeBoundsMismatch: 'range_bounds_mismatch',
  /** `thisX == 1`: cfn-guard reads a query head starting with `this` as `this` plus junk. */
  thisPrefixedName: 'this_prefixed_name',
  /** Top-level type blocks can only be joined with `or` to other type blocks, and a top-level `when` block not at all. */
  invalidTopLevelDisjunction: 'invalid_top_level_disjunction',
  /** Blocks or filters nested thousands deep: the parser's stack is exhausted. */
  nestingTooDeep: 'nesting_too_deep',
  /** A bug in the parser, reported instead of thrown. */
  internalError: 'internal_error',
} as const;

export type DiagnosticCode = (typeof DiagnosticCodes)[keyof typeof DiagnosticCodes];
