/**
 * `guardts test` as an in-process function. Exit codes follow cfn-guard 3.1.1 (§7.6): 0 all
 * expectations met, 7 some not met, 1 spec or rules file unusable (with the reference's quirks per
 * output mode), 255 runtime errors and invalid flag combinations.
 */
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import type { CompiledRules, GuardEngine, Outcome } from '../engine/guard-engine.js';
import { EXIT_OK, EXIT_RUNTIME_ERROR, EXIT_TEST_ERROR, EXIT_TEST_FAILED } from '../exit-codes.js';
import { isDirectory, pathExists, walkFiles } from '../files/walk.js';
import type { CommandIo } from '../io.js';
import { explainTestCase } from '../reporters/explain-test-case.js';
import { renderTestJunit } from '../reporters/test-junit.js';
import { renderVerboseTree } from '../reporters/verbose-tree.js';
import { toJson, toYaml } from '../reporters/structured-serialise.js';
import { missingPath, readUtf8 } from '../validate/data-files.js';
import { isStatus, matchExpectation, verdictsByRule } from './expectations.js';
import type { TestOptions } from './parse-test-args.js';
import { discoverTestDirectory } from './test-directory.js';
import { hasFailures, type RulesFileTestResult, type TestCaseResult } from './test-results.js';
import { loadSpecFile } from './test-spec.js';

export interface TestContext {
  readonly engine: GuardEngine;
  readonly io: CommandIo;
}

/** A runtime error stops the whole command, as `?` does in the reference. */
class RuntimeStop {
  constructor(readonly message: string) {}
}

const SPEC_FILE_EXTENSIONS = ['.json', '.yaml', '.JSON', '.YAML', '.yml', '.jsn'];

/** Spec files under `-t`, named as the walk from the given path spells them (relative stays relative). */
function specFilesOf(given: string, cwd: string, options: TestOptions): string[] {
  const absolute = resolve(cwd, given);
  return walkFiles(absolute, options.order)
    .filter((file) => SPEC_FILE_EXTENSIONS.some((extension) => basename(file).endsWith(extension)))
    .map((file) => (isAbsolute(given) ? file : join(given, relative(absolute, file))));
}

/** cfn-guard's `get_exit_code`: an error (1) sticks, a failure (7) yields only to an error. */
function combineExitCodes(current: number, next: number): number {
  if (current === EXIT_OK) return next;
  if (current === EXIT_TEST_ERROR) return current;
  return next === EXIT_TEST_ERROR ? EXIT_TEST_ERROR : EXIT_TEST_FAILED;
}

export function runTest(options: TestOptions, context: TestContext): number {
  const { io } = context;
  const structured = options.outputFormat !== 'single-line-summary';
  if (options.outputFormat === 'sarif') return stop(io, 'Cannot provide an output_type of SARIF, SARIF reporter is unsupported.');
  if (structured && options.verbose) return stop(io, 'Cannot provide an output_type of JSON, YAML, or JUnit while the verbose flag is set');
  try {
    if (options.directory !== null) return structured ? structuredDirectory(options, context) : plainDirectory(options, context);
    return structured ? structuredSingle(options, context) : plainSingle(options, context);
  } catch (error) {
    if (error instanceof RuntimeStop) return stop(io, error.message);
    throw error;
  }
}

function invalidStatus(text: string): string {
  return `Types or variable assignments are incompatible \`Status code is incorrect ${text}\``;
}

function stop(io: CommandIo, message: string): number {
  io.stderr.write(`Error occurred ${message}\n`);
  return EXIT_RUNTIME_ERROR;
}

function checkedPaths(options: TestOptions, io: CommandIo): { rules: string; specs: string[] } {
  const rules = resolve(io.cwd, options.rulesFile!);
  const data = resolve(io.cwd, options.testData!);
  if (!pathExists(rules)) throw new RuntimeStop(missingPath(options.rulesFile!));
  if (!pathExists(data)) throw new RuntimeStop(missingPath(options.testData!));
  if (isDirectory(rules)) throw new RuntimeStop('I/O error when reading invalid input parameter');
  return { rules, specs: specFilesOf(options.testData!, io.cwd, options) };
}

function compile(context: TestContext, path: string, name: string): Outcome<CompiledRules> {
  const text = readUtf8(path);
  if (!text.ok) return text;
  return context.engine.compileRules(text.value, name);
}

/** Evaluates every case of the spec files; the result, or the first unusable spec file. */
function testRulesFile(context: TestContext, rules: CompiledRules, ruleFileName: string, specFiles: readonly string[]): RulesFileTestResult {
  const testCases: TestCaseResult[] = [];
  for (const specFile of specFiles) {
    const specs = loadSpecFile(context.engine, specFile, context.io.cwd);
    if (!specs.ok) return { rule_file: ruleFileName, error: specs.message };
    for (const spec of specs.value) {
      const evaluation = context.engine.evaluate(rules, spec.input, '');
      if (!evaluation.ok) throw new RuntimeStop(evaluation.message);
      const result: TestCaseResult = { name: spec.name ?? '', passed_rules: [], failed_rules: [], skipped_rules: [] };
      for (const [rule, statuses] of verdictsByRule(evaluation.value.rules)) {
        const expected = spec.expectations.get(rule);
        if (expected === undefined) {
          result.skipped_rules.push({ name: rule });
          continue;
        }
        if (!isStatus(expected)) return { rule_file: ruleFileName, error: invalidStatus(expected) };
        const match = matchExpectation(expected, statuses);
        if (match.met) result.passed_rules.push({ name: rule, evaluated: expected });
        else result.failed_rules.push({ name: rule, expected, evaluated: match.evaluated });
      }
      testCases.push(result);
    }
  }
  return { rule_file: ruleFileName, test_cases: testCases };
}

function printStructured(io: CommandIo, options: TestOptions, results: RulesFileTestResult | RulesFileTestResult[]): void {
  if (options.outputFormat === 'json') io.stdout.write(toJson(results));
  else if (options.outputFormat === 'yaml') io.stdout.write(toYaml(results));
  else io.stdout.write(renderTestJunit(Array.isArray(results) ? results : [results]));
}

function structuredSingle(options: TestOptions, context: TestContext): number {
  const paths = checkedPaths(options, context.io);
  const compiled = compile(context, paths.rules, options.rulesFile!);
  // A rules file that does not parse is reported in the document but leaves the exit code at 0.
  if (!compiled.ok) {
    printStructured(context.io, options, { rule_file: options.rulesFile!, error: compiled.message });
    return EXIT_OK;
  }
  if (compiled.value.empty) return EXIT_OK;
  const result = testRulesFile(context, compiled.value, options.rulesFile!, paths.specs);
  printStructured(context.io, options, result);
  return 'error' in result ? EXIT_TEST_ERROR : hasFailures(result) ? EXIT_TEST_FAILED : EXIT_OK;
}

function structuredDirectory(options: TestOptions, context: TestContext): number {
  const root = options.directory!;
  if (!pathExists(resolve(context.io.cwd, root))) throw new RuntimeStop(missingPath(root));
  const results: RulesFileTestResult[] = [];
  let exitCode = EXIT_OK;
  for (const rulesFile of discoverTestDirectory(root, context.io.cwd)) {
    if (rulesFile.specFiles.length === 0) continue;
    const compiled = compile(context, resolve(context.io.cwd, rulesFile.path), rulesFile.stem);
    if (!compiled.ok) {
      exitCode = EXIT_TEST_ERROR;
      results.push({ rule_file: rulesFile.path, error: compiled.message });
      continue;
    }
    if (compiled.value.empty) continue;
    const result = testRulesFile(context, compiled.value, rulesFile.path, rulesFile.specFiles);
    exitCode = combineExitCodes(exitCode, 'error' in result ? EXIT_TEST_ERROR : hasFailures(result) ? EXIT_TEST_FAILED : EXIT_OK);
    results.push(result);
  }
  printStructured(context.io, options, results);
  return exitCode;
}

/** Plain-text report of one rules file's specs (cfn-guard's `GenericReporter`); its exit code. */
function plainReport(context: TestContext, rules: CompiledRules, specFiles: readonly string[], verbose: boolean, explain = false): number {
  let counter = 1;
  const { io } = context;
  let exitCode = EXIT_OK;
  for (const specFile of specFiles) {
    const specs = loadSpecFile(context.engine, specFile, context.io.cwd);
    if (!specs.ok) {
      io.stdout.write(`Error processing ${specs.message}\n`);
      exitCode = EXIT_TEST_ERROR;
      continue;
    }
    for (const spec of specs.value) {
      io.stdout.write(`Test Case #${counter}\n`);
      counter += 1;
      if (spec.name !== null) io.stdout.write(`Name: ${spec.name}\n`);
      const evaluation = context.engine.evaluate(rules, spec.input, '', { completeEvents: verbose, explain });
      if (!evaluation.ok) throw new RuntimeStop(evaluation.message);
      const passed: string[] = [];
      const failed: string[] = [];
      const failedRules = new Set<string>();
      for (const [rule, statuses] of verdictsByRule(evaluation.value.rules)) {
        const expected = spec.expectations.get(rule);
        if (expected === undefined) {
          io.stdout.write(`  No Test expectation was set for Rule ${rule}\n`);
          continue;
        }
        if (!isStatus(expected)) throw new RuntimeStop(invalidStatus(expected));
        const match = matchExpectation(expected, statuses);
        if (match.met) passed.push(`${rule}: Expected = ${expected}`);
        else {
          failed.push(`${rule}: Expected = ${expected}, Evaluated = [${match.evaluated.join(', ')}]`);
          failedRules.add(rule);
        }
      }
      if (verbose && evaluation.value.events !== null) io.stdout.write(renderVerboseTree(evaluation.value.events, { positions: false }));
      if (failed.length > 0) {
        exitCode = EXIT_TEST_FAILED;
        io.stdout.write(`  FAIL Rules:\n${failed.map((line) => `    ${line}\n`).join('')}`);
        if (explain) io.stdout.write(explainTestCase(io, rules.fileName, spec.name, evaluation.value, failedRules));
      }
      if (passed.length > 0) io.stdout.write(`  PASS Rules:\n${passed.map((line) => `    ${line}\n`).join('')}`);
      io.stdout.write('\n');
    }
  }
  return exitCode;
}

function plainSingle(options: TestOptions, context: TestContext): number {
  const paths = checkedPaths(options, context.io);
  const compiled = compile(context, paths.rules, options.rulesFile!);
  if (!compiled.ok) {
    context.io.stdout.write(`Parse Error on ruleset file ${compiled.message}\n`);
    return EXIT_TEST_ERROR;
  }
  if (compiled.value.empty) return EXIT_OK;
  return plainReport(context, compiled.value, paths.specs, options.verbose, options.explain === true);
}

function plainDirectory(options: TestOptions, context: TestContext): number {
  const { io } = context;
  const root = options.directory!;
  if (!pathExists(resolve(io.cwd, root))) throw new RuntimeStop(missingPath(root));
  let exitCode = EXIT_OK;
  for (const rulesFile of discoverTestDirectory(root, io.cwd)) {
    if (rulesFile.specFiles.length === 0) {
      io.stdout.write(`Guard File ${rulesFile.path} did not have any tests associated, skipping.\n---\n`);
      continue;
    }
    io.stdout.write(`Testing Guard File ${rulesFile.path}\n`);
    const compiled = compile(context, resolve(context.io.cwd, rulesFile.path), rulesFile.stem);
    if (!compiled.ok) {
      io.stdout.write(`Parse Error on ruleset file ${compiled.message}\n`);
      exitCode = EXIT_TEST_FAILED;
    } else if (!compiled.value.empty) {
      const code = plainReport(context, compiled.value, rulesFile.specFiles, options.verbose, options.explain === true);
      if (exitCode === EXIT_OK) exitCode = code;
    }
    io.stdout.write('---\n');
  }
  return exitCode;
}
