/**
 * `compileRules`: parse once, then compile into a form that evaluates any number of documents.
 */
import { parseRules, type Diagnostic } from '@guardts/guard-parser';
import { compileRulesFile } from '../compile/compile-ast.js';
import { checkRegexLiterals } from '../regex/check-regex-literals.js';
import type { CompiledRules } from '../compile/ir.js';

export interface CompileOptions {
  /** Put in every span and diagnostic (usually the path as the user gave it). */
  readonly fileName: string;
  /**
   * How record contexts name the rules file (`Location[file:…]`); default: `fileName`'s base
   * name, as in `validate`. cfn-guard's `test -r` names it by the path as given.
   */
  readonly locationName?: string;
}

export type CompileResult =
  | { readonly ok: true; readonly rules: CompiledRules; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function compileRules(text: string, options: CompileOptions): CompileResult {
  const parsed = parseRules(text, { fileName: options.fileName });
  if (parsed.ast === null) return { ok: false, diagnostics: parsed.diagnostics };
  // cfn-guard compiles every regex literal while parsing: a pattern its engine rejects makes the
  // whole file a parse error (exit 5), not a runtime error when the regex is first used.
  const regexErrors = checkRegexLiterals(parsed.ast);
  if (regexErrors.length > 0) return { ok: false, diagnostics: [...parsed.diagnostics, ...regexErrors] };
  return { ok: true, rules: compileRulesFile(parsed.ast, options.fileName, text, options.locationName), diagnostics: parsed.diagnostics };
}
