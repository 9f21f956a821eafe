/**
 * `guardts lint -r RULES…`: warnings cfn-guard never gives, about rules it accepts but evaluates
 * differently from how they read (docs/lint.md). Exit codes: 0 clean, 3 more warnings than
 * `--max-warnings`, 5 a rules file does not parse, 2 bad flags, 255 a path cannot be read (or
 * the linter fails on a file).
 */
import { readFileSync } from 'node:fs';
import { parseRules } from '@guardts/guard-parser';
import { lintRules } from '@guardts/evaluator';
import { EXIT_LINT_WARNINGS, EXIT_OK, EXIT_RULE_PARSE_ERROR, EXIT_RUNTIME_ERROR } from '../exit-codes.js';
import { processIo, type CommandIo } from '../io.js';
import { parseLintArgs, type LintArgs } from '../lint/lint-args.js';
import type { LintedFile } from '../lint/lint-findings.js';
import { countFindings, formatLintJson, formatLintText } from '../lint/format-lint.js';
import { formatLintSarif } from '../lint/format-lint-sarif.js';
import { findRuleFiles } from '../lint/rule-files.js';

export async function run(argv: readonly string[], io: CommandIo = processIo()): Promise<number> {
  const parsed = parseLintArgs(argv, io);
  if (!parsed.ok) return parsed.exitCode;
  const { args } = parsed;
  const { files, missing } = findRuleFiles(args.rules, io.cwd);
  let unreadable = missing.length; // paths that could not be linted at all: exit 255
  for (const path of missing) io.stderr.write(`guardts lint: ${path}: no such file or directory\n`);
  const linted: LintedFile[] = [];
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(file.path, 'utf8');
    } catch (error) {
      io.stderr.write(`guardts lint: cannot read ${file.displayName}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      unreadable += 1;
      continue;
    }
    try {
      linted.push(lintFile(file.displayName, source, args));
    } catch (error) {
      // A bug of the linter must not become a stack trace: say which file, and exit 255.
      io.stderr.write(`guardts lint: internal error while linting ${file.displayName}: ${error instanceof Error ? error.message : String(error)}\n`);
      unreadable += 1;
    }
  }
  const render = { text: formatLintText, json: formatLintJson, sarif: formatLintSarif }[args.outputFormat];
  io.stdout.write(render(linted));
  if (unreadable > 0) return EXIT_RUNTIME_ERROR;
  const { warnings, errors } = countFindings(linted);
  if (errors > 0) return EXIT_RULE_PARSE_ERROR;
  return warnings > args.maxWarnings ? EXIT_LINT_WARNINGS : EXIT_OK;
}

function lintFile(fileName: string, source: string, args: LintArgs): LintedFile {
  const { ast, diagnostics } = parseRules(source, { fileName });
  if (ast === null) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    return { file: fileName, source, parsed: false, findings: errors.map((d) => ({ severity: 'error', code: d.code, message: d.message, span: d.span, related: [] })) };
  }
  const warnings = lintRules(ast, { source, disabled: args.disabled });
  return { file: fileName, source, parsed: true, findings: warnings.map((w) => ({ severity: 'warning', code: w.code, message: w.message, span: w.span, related: w.related })) };
}
