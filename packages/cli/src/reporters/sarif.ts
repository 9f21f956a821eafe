/**
 * SARIF 2.1.0 for `validate -z -o sarif`. It keeps the reference's tool description, rule ids and
 * messages, but gives each result the real region of the failing value in the data file (the
 * reference prints 1:1) and the rule's location in its rules file as a related location.
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceSpan } from '@guardts/guard-parser';
import { findValueByPath } from '../report/locate-value.js';
import type { ClauseReport, FileReport, Messages } from '../report/structured-report.js';
import type { DataFile } from '../validate/data-files.js';

export interface SarifInput {
  readonly report: FileReport;
  readonly dataFile: DataFile;
  /** Where each reported rule is written, by name. */
  readonly ruleSpans: ReadonlyMap<string, { readonly file: string; readonly span: SourceSpan }>;
}

interface FailingCheck {
  readonly messages: Messages;
  readonly valuePath: string | null;
}

function failingChecks(report: ClauseReport): FailingCheck[] {
  if ('Rule' in report) return report.Rule.checks.flatMap(failingChecks);
  if ('Disjunctions' in report) return report.Disjunctions.checks.flatMap(failingChecks);
  if ('Block' in report) return [{ messages: report.Block.messages, valuePath: report.Block.unresolved?.traversed_to.path ?? null }];
  const clause = report.Clause;
  if ('Unary' in clause) {
    const check = clause.Unary.check;
    const valuePath = 'Resolved' in check ? check.Resolved.value.path : 'UnResolved' in check ? check.UnResolved.value.traversed_to.path : null;
    return [{ messages: clause.Unary.messages, valuePath }];
  }
  const check = clause.Binary.check;
  const valuePath = 'Resolved' in check ? check.Resolved.from.path : 'InResolved' in check ? check.InResolved.from.path : check.UnResolved.value.traversed_to.path;
  return [{ messages: clause.Binary.messages, valuePath }];
}

function artifactUri(name: string): string {
  return isAbsolute(name) ? pathToFileURL(name).href : name;
}

function region(span: SourceSpan): Record<string, number> {
  return { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

export function renderSarif(inputs: readonly SarifInput[]): string {
  const failing = inputs.filter((input) => input.report.status === 'FAIL');
  const artifacts = [...new Set(failing.map((input) => input.report.name).filter((name) => name !== ''))].map((name) => ({ location: { uri: artifactUri(name) } }));
  const results = failing.flatMap((input) =>
    input.report.not_compliant.flatMap((failure) => {
      const ruleName = 'Rule' in failure ? failure.Rule.name : '';
      const ruleLocation = input.ruleSpans.get(ruleName);
      return failingChecks(failure).map((check) => {
        const value = check.valuePath === null ? null : findValueByPath(input.dataFile.document, check.valuePath);
        const span = value?.span ?? null;
        return {
          ruleId: ruleName.split('.')[0]!.toUpperCase(),
          level: 'error',
          message: { text: `${check.messages.error_message ?? ''} ${check.messages.custom_message ?? ''}` },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: artifactUri(input.report.name) },
                region: span === null ? { startLine: 1, startColumn: 1 } : region(span),
              },
            },
          ],
          ...(ruleLocation === undefined
            ? {}
            : {
                relatedLocations: [
                  {
                    id: 1,
                    message: { text: `rule ${ruleName}` },
                    physicalLocation: { artifactLocation: { uri: artifactUri(ruleLocation.file) }, region: region(ruleLocation.span) },
                  },
                ],
              }),
        };
      });
    }),
  );
  const sarif = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
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
          },
        },
        artifacts,
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}
