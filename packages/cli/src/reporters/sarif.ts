/**
 * SARIF 2.1.0 for `validate -z -o sarif`, in the shape GitHub code scanning accepts. It keeps the
 * reference's tool description, rule ids, levels and messages, and adds what the reference leaves
 * out: the real region of the failing value in the data file (the reference prints 1:1), the rule's
 * place in its rules file as a related location, rule descriptors carrying the custom message,
 * artifact URIs relative to `%SRCROOT%`, and a fingerprint that survives lines moving.
 */
import { createHash } from 'node:crypto';
import type { SourceSpan } from '@guardts/guard-parser';
import type { ClauseReport, FileReport, Messages } from '../report/structured-report.js';
import type { DataFile } from '../validate/data-files.js';
import { expandMessage, hasPlaceholders, messageFacts } from './message-template.js';
import { artifactLocation, dataLocation, SOURCE_ROOT_ID, sourceRootUri, spanRegion, type ArtifactLocation } from './sarif-location.js';

export interface SarifInput {
  readonly report: FileReport;
  readonly dataFile: DataFile;
  /** Where each reported rule is written, by name. */
  readonly ruleSpans: ReadonlyMap<string, { readonly file: string; readonly span: SourceSpan }>;
}

export interface SarifOptions {
  /** The working directory: artifact URIs are relative to it (`%SRCROOT%`). */
  readonly cwd: string;
  /** Results per run before another run starts (GitHub code scanning rejects a run with more); default 25,000. */
  readonly maxResultsPerRun?: number;
}

/** GitHub code scanning's hard limit on results per run ("SARIF results exceed one or more limits"). */
export const GITHUB_MAX_RESULTS_PER_RUN = 25_000;

/** The key of guardts' own fingerprint in `partialFingerprints`; bump the version if its recipe changes. */
export const FINGERPRINT_KEY = 'guardtsCheck/v1';

interface FailingCheck {
  readonly messages: Messages;
  readonly valuePath: string | null;
  /** The failing value as the report gives it (JSON), when it has one. */
  readonly value: unknown;
}

/** One entry per failing clause check, nested rule failures flattened, as the reference counts them. */
export function failingChecks(report: ClauseReport): FailingCheck[] {
  if ('Rule' in report) return report.Rule.checks.flatMap(failingChecks);
  if ('Disjunctions' in report) return report.Disjunctions.checks.flatMap(failingChecks);
  if ('Block' in report) return [{ messages: report.Block.messages, valuePath: report.Block.unresolved?.traversed_to.path ?? null, value: undefined }];
  const clause = report.Clause;
  if ('Unary' in clause) {
    const check = clause.Unary.check;
    if ('Resolved' in check) return [{ messages: clause.Unary.messages, valuePath: check.Resolved.value.path, value: check.Resolved.value.value }];
    const valuePath = 'UnResolved' in check ? check.UnResolved.value.traversed_to.path : null;
    return [{ messages: clause.Unary.messages, valuePath, value: undefined }];
  }
  const check = clause.Binary.check;
  if ('Resolved' in check) return [{ messages: clause.Binary.messages, valuePath: check.Resolved.from.path, value: check.Resolved.from.value }];
  if ('InResolved' in check) return [{ messages: clause.Binary.messages, valuePath: check.InResolved.from.path, value: check.InResolved.from.value }];
  return [{ messages: clause.Binary.messages, valuePath: check.UnResolved.value.traversed_to.path, value: undefined }];
}

/** cfn-guard's rule id: the rule name up to its first `.`, upper-cased (`checks.guard/default` -> `CHECKS`). */
export function sarifRuleId(ruleName: string): string {
  return ruleName.split('.')[0]!.toUpperCase();
}

interface RuleDescriptor {
  readonly id: string;
  readonly names: Set<string>;
  readonly customMessages: Set<string>;
}

function describeRule(descriptor: RuleDescriptor): Record<string, unknown> {
  const names = [...descriptor.names];
  const messages = [...descriptor.customMessages];
  const title = `Guard rule ${names.join(', ')}`;
  return {
    id: descriptor.id,
    name: names[0],
    shortDescription: { text: messages[0] ?? title },
    fullDescription: { text: messages.length === 0 ? title : messages.join('\n') },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['cfn-guard'] },
  };
}

function expandedMessage(custom: string, dataFile: DataFile, check: FailingCheck, ruleName: string): string {
  if (!hasPlaceholders(custom)) return custom;
  return expandMessage(custom, messageFacts(dataFile.document, check.valuePath, ruleName, dataFile.origin ?? null, check.value));
}

function fingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export function renderSarif(inputs: readonly SarifInput[], options: SarifOptions): string {
  const failing = inputs.filter((input) => input.report.status === 'FAIL');
  const descriptors = new Map<string, RuleDescriptor>();
  const ruleIndexes = new Map<string, number>();
  const artifacts = new Map<string, ArtifactLocation>();
  const seenFingerprints = new Map<string, number>();
  const results = failing.flatMap((input) =>
    input.report.not_compliant.flatMap((failure) => {
      const ruleName = 'Rule' in failure ? failure.Rule.name : '';
      const ruleId = sarifRuleId(ruleName);
      if (!descriptors.has(ruleId)) {
        ruleIndexes.set(ruleId, descriptors.size);
        descriptors.set(ruleId, { id: ruleId, names: new Set<string>(), customMessages: new Set<string>() });
      }
      const descriptor = descriptors.get(ruleId)!;
      descriptor.names.add(ruleName);
      const ruleLocation = input.ruleSpans.get(ruleName);
      return failingChecks(failure).map((check) => {
        const custom = check.messages.custom_message;
        if (custom !== null && custom.trim() !== '') descriptor.customMessages.add(custom.trim());
        const { file, region } = dataLocation(input.dataFile, check.valuePath, check.value);
        const artifact = artifactLocation(file.name, options.cwd);
        if (file.name !== '' && !artifacts.has(file.name)) artifacts.set(file.name, artifact);
        const key = fingerprint([ruleName, artifact.uri, input.dataFile.origin?.logicalId ?? '', check.valuePath ?? '', custom ?? '']);
        const occurrence = seenFingerprints.get(key) ?? 0;
        seenFingerprints.set(key, occurrence + 1);
        return {
          ruleId,
          ruleIndex: ruleIndexes.get(ruleId)!,
          level: 'error',
          message: { text: `${check.messages.error_message ?? ''} ${custom === null ? '' : expandedMessage(custom, input.dataFile, check, ruleName)}` },
          locations: [{ physicalLocation: { artifactLocation: artifact, region } }],
          ...(ruleLocation === undefined
            ? {}
            : {
                relatedLocations: [
                  {
                    id: 1,
                    message: { text: `rule ${ruleName}` },
                    physicalLocation: { artifactLocation: artifactLocation(ruleLocation.file, options.cwd), region: spanRegion(ruleLocation.span) },
                  },
                ],
              }),
          partialFingerprints: { [FINGERPRINT_KEY]: occurrence === 0 ? key : `${key}:${occurrence}` },
        };
      });
    }),
  );
  const run = {
    tool: {
      driver: {
        name: 'cfn-guard',
        semanticVersion: '3.1.1',
        fullName: 'cfn-guard 3.1.1',
        organization: 'Amazon Web Services',
        downloadUri: 'https://github.com/aws-cloudformation/cloudformation-guard',
        informationUri: 'https://github.com/aws-cloudformation/cloudformation-guard',
        shortDescription: {
          text: 'AWS CloudFormation Guard is an open-source general-purpose policy-as-code evaluation tool. It provides developers with a simple-to-use, yet powerful and expressive domain-specific language (DSL) to define policies and enables developers to validate JSON- or YAML- formatted structured data with those policies.',
        },
        rules: [...descriptors.values()].map(describeRule),
      },
    },
    originalUriBaseIds: { [SOURCE_ROOT_ID]: { uri: sourceRootUri(options.cwd) } },
    // Stated explicitly: columns count characters (code points), as cfn-guard's positions do.
    columnKind: 'unicodeCodePoints',
    artifacts: [...artifacts.values()].map((location) => ({ location })),
  };
  // More results than code scanning takes in one run go to further runs of the same tool.
  const perRun = options.maxResultsPerRun ?? GITHUB_MAX_RESULTS_PER_RUN;
  const runs = [];
  for (let start = 0; start === 0 || start < results.length; start += perRun) runs.push({ ...run, results: results.slice(start, start + perRun) });
  const sarif = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs,
  };
  return JSON.stringify(sarif, null, 2);
}
