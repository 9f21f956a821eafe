/**
 * `guardts cross-check`: every resource of a template, evaluated by guardts and by AWS Config
 * proactive evaluation (or the loopback emulator via --endpoint), verdicts side by side.
 * Exit 0 all agree, 20 a disagreement, 21 an unknown remote verdict, 22 nothing evaluated.
 */
import { Command } from 'commander';
import { crossCheck, formatReportJson, formatReportText, readRuleFiles, readTemplate, stackNameFor, type CrossCheckOutcome, type CrossCheckReport, type DocumentShape, type RuleFile } from '@guardts/config-adapter';
import { integerIn, oneOf, parseCommandLine } from '../aws-config/parse-command-line.js';
import { selectEngine, type EngineName } from '../aws-config/select-engine.js';
import { EXIT_CROSS_CHECK_DISAGREE, EXIT_CROSS_CHECK_NOTHING_EVALUATED, EXIT_CROSS_CHECK_UNKNOWN, EXIT_OK, EXIT_RUNTIME_ERROR } from '../exit-codes.js';

interface Options {
  rules: string[];
  data: string;
  as: DocumentShape;
  endpoint?: string;
  region?: string;
  output: 'text' | 'json';
  timeout: number;
  evaluationTimeout: number;
  context?: string;
  localEngine: EngineName;
  referenceBinary?: string;
}

const EXIT_OF: Readonly<Record<CrossCheckOutcome, number>> = {
  agree: EXIT_OK,
  disagree: EXIT_CROSS_CHECK_DISAGREE,
  unknown: EXIT_CROSS_CHECK_UNKNOWN,
  'nothing-evaluated': EXIT_CROSS_CHECK_NOTHING_EVALUATED,
};

export async function run(argv: readonly string[]): Promise<number> {
  let options: Options | undefined;
  const command = new Command('guardts cross-check')
    .description("Compares guardts' verdicts with AWS Config proactive evaluation, per resource and rule")
    .requiredOption('-r, --rules <path>', 'a .guard file or a directory of them (repeatable); each file is compared with the Config rule of the same name', (v: string, acc: string[] | undefined) => [...(acc ?? []), v])
    .requiredOption('-d, --data <template>', 'the CloudFormation template (YAML or JSON)')
    .option('--as <shape>', 'the document the local rules see: config-item (projected) or properties', oneOf('--as', ['config-item', 'properties'] as const), 'config-item')
    .option('--endpoint <url>', 'Config endpoint, e.g. the loopback emulator (default: the regional endpoint)')
    .option('--region <region>', 'AWS region (default: the SDK default chain)')
    .option('-o, --output <format>', 'text or json', oneOf('--output', ['text', 'json'] as const), 'text')
    .option('--timeout <seconds>', 'bound of each resource remote evaluation, polling included', integerIn('--timeout', 1, 86_400), 60)
    .option('--evaluation-timeout <seconds>', 'EvaluationTimeout sent to Config (0-3600)', integerIn('--evaluation-timeout', 0, 3600), 25)
    .option('--context <id>', 'EvaluationContextIdentifier (default: the template file name)')
    .option('--local-engine <name>', 'guardts, or reference (cfn-guard 3.1.1) to check Config against the reference itself', oneOf('--local-engine', ['guardts', 'reference'] as const), 'guardts')
    .option('--reference-binary <path>', 'the cfn-guard 3.1.1 binary for --local-engine reference')
    .action((opts: Options) => {
      options = opts;
    });
  const parsed = await parseCommandLine(command, argv);
  if (!parsed.ok) return parsed.exitCode;
  if (options === undefined) return EXIT_OK;

  const template = readTemplate(options.data);
  if (!template.ok) return fail(template.error);
  const rules: RuleFile[] = [];
  for (const path of options.rules) {
    try {
      rules.push(...readRuleFiles(path));
    } catch (error) {
      return fail(`${path}: cannot read rules: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  if (rules.length === 0) return fail(`no .guard file in ${options.rules.join(', ')}`);
  const engine = selectEngine(options.localEngine, options.referenceBinary);
  if (!engine.ok) return fail(engine.error);

  const stackName = options.context ?? stackNameFor(options.data);
  let report: CrossCheckReport;
  try {
    report = await crossCheck({
      rules,
      template: template.template,
      stackName,
      as: options.as,
      localEngine: engine.engine,
      remote: {
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
        ...(options.region !== undefined ? { region: options.region } : {}),
        evaluationContext: stackName,
        evaluationTimeoutSeconds: options.evaluationTimeout,
        deadlineMs: options.timeout * 1000,
        retry: { attemptTimeoutMs: Math.min(10_000, Math.max(1_000, options.timeout * 1000)) },
      },
    });
  } catch (error) {
    // crossCheck reports failures as values; this only keeps a bug from ending in a stack trace.
    return fail(`cross-check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stdout.write(options.output === 'json' ? formatReportJson(report) : formatReportText(report, options.data));
  return EXIT_OF[report.outcome];
}

function fail(message: string): number {
  process.stderr.write(`error: ${message}\n`);
  return EXIT_RUNTIME_ERROR;
}
