/**
 * `guardts config-emulator`: serves the loopback AWS Config proactive-evaluation endpoint until
 * interrupted. The first line on stdout is `listening on http://127.0.0.1:<port>`.
 */
import { Command } from 'commander';
import { DOCUMENTED_PROACTIVE_TYPES, readRuleFiles, startConfigEmulator, type DocumentShape } from '@guardts/config-adapter';
import { integerIn, oneOf, parseCommandLine, positiveInteger, typeList } from '../aws-config/parse-command-line.js';
import { selectEngine, type EngineName } from '../aws-config/select-engine.js';
import { EXIT_OK, EXIT_RUNTIME_ERROR, EXIT_USAGE } from '../exit-codes.js';

interface Options {
  port: number;
  rules?: string;
  engine: EngineName;
  document: DocumentShape;
  scope?: string[];
  referenceBinary?: string;
  supportedTypes: string;
  region: string;
  completeAfterPolls: number;
  completeAfterMs: number;
  detailsPageSize: number;
  emptyDetailsPages: 'none' | 'first' | 'interleaved';
}

export async function run(argv: readonly string[]): Promise<number> {
  let options: Options | undefined;
  const command = new Command('guardts config-emulator')
    .description('Serves AWS Config proactive evaluation (JSON 1.1 wire protocol) on 127.0.0.1, evaluating Guard rules locally')
    .requiredOption('--port <n>', 'TCP port on 127.0.0.1 (0: any free port)', integerIn('--port', 0, 65_535))
    .option('--rules <dir>', 'a .guard file or a directory of them; each file is a Config rule named after it')
    .option('--engine <name>', 'reference (cfn-guard 3.1.1) or guardts', oneOf('--engine', ['reference', 'guardts'] as const), 'reference')
    .option('--document <shape>', 'what the rules see: config-item (projected) or properties (raw CloudFormation properties)', oneOf('--document', ['config-item', 'properties'] as const), 'config-item')
    .option('--scope <types>', 'comma-separated resource types for rules without a scope (default: every type)', typeList)
    .option('--reference-binary <path>', 'the cfn-guard 3.1.1 binary (default: scripts/get-reference-binary.mjs)')
    .option('--supported-types <list>', "types StartResourceEvaluation accepts: 'documented', 'any' or a comma-separated list", 'documented')
    .option('--region <region>', 'region expected in request signatures', 'us-east-1')
    .option('--complete-after-polls <n>', 'summary polls before an evaluation reports SUCCEEDED', positiveInteger('--complete-after-polls'), 2)
    .option('--complete-after-ms <n>', 'minimum time before an evaluation reports SUCCEEDED', positiveInteger('--complete-after-ms'), 200)
    .option('--details-page-size <n>', 'results per GetComplianceDetailsByResource page', positiveInteger('--details-page-size'), 100)
    .option('--empty-details-pages <mode>', 'none, first or interleaved empty pages carrying a NextToken', oneOf('--empty-details-pages', ['none', 'first', 'interleaved'] as const), 'none')
    .action((opts: Options) => {
      options = opts;
    });
  const parsed = await parseCommandLine(command, argv);
  if (!parsed.ok) return parsed.exitCode;
  if (options === undefined) return EXIT_OK;
  if (options.detailsPageSize < 1) {
    process.stderr.write('error: --details-page-size must be at least 1\n');
    return EXIT_USAGE;
  }

  const engine = selectEngine(options.engine, options.referenceBinary);
  if (!engine.ok) {
    process.stderr.write(`error: ${engine.error}\n`);
    return EXIT_RUNTIME_ERROR;
  }
  let rules: { name: string; policyText: string }[] = [];
  if (options.rules !== undefined) {
    try {
      rules = readRuleFiles(options.rules);
    } catch (error) {
      process.stderr.write(`error: cannot read rules from ${options.rules}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
      return EXIT_RUNTIME_ERROR;
    }
  }
  const supportedTypes = options.supportedTypes === 'any' ? 'any' : options.supportedTypes === 'documented' ? DOCUMENTED_PROACTIVE_TYPES : typeList(options.supportedTypes);
  let emulator;
  try {
    emulator = await startConfigEmulator({
      engine: engine.engine,
      port: options.port,
      rules,
      ...(options.scope !== undefined ? { scope: options.scope } : {}),
      document: options.document,
      supportedTypes,
      region: options.region,
      completeAfterPolls: options.completeAfterPolls,
      completeAfterMs: options.completeAfterMs,
      detailsPageSize: options.detailsPageSize,
      emptyDetailsPages: options.emptyDetailsPages,
    });
  } catch (error) {
    process.stderr.write(`error: cannot listen on 127.0.0.1:${options.port}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return EXIT_RUNTIME_ERROR;
  }
  process.stdout.write(`listening on ${emulator.url}\n`);
  process.stderr.write(`config-emulator: ${rules.length} rule(s), engine ${options.engine}, document ${options.document}; Ctrl-C stops\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await emulator.close();
  return EXIT_OK;
}
