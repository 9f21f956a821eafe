/**
 * Regex matching for comparisons. Patterns are Rust regex syntax; src/regex translates and caches
 * them. An invalid pattern is a runtime error, as in cfn-guard.
 */
import { compileGuardRegex } from '../regex/guard-regex.js';
import { abort } from './abort.js';

export function regexMatches(pattern: string, text: string): boolean {
  const compiled = compileGuardRegex(pattern);
  if (!compiled.ok) return abort('regex-invalid', `invalid regular expression /${pattern}/: ${compiled.message}`);
  return compiled.regex.test(text);
}
