/**
 * Shared by the Lambda hook and the custom-hook handler: build each target's document in the
 * shape every rule file asks for, evaluate, and fold the verdicts into one hook response.
 */
import { evaluate, type Value } from '@guardts/evaluator';
import { documentsForTemplate, hookDocument, type DocumentMode } from '../documents/documents-for-template.js';
import { jsonToValue } from '../documents/value-conversion.js';
import type { JsonObject, JsonValue } from '../projection/json.js';
import { projectToConfigItem } from '../projection/project-config-item.js';
import type { HookAnnotation, HookResponse, InvocationPoint } from './hook-types.js';
import type { HookRuleFile } from './hook-rules.js';
import { failureMessages } from './rule-messages.js';

/** One resource to judge: from a RESOURCE target, a stack's template or a change set. */
export interface HookTarget {
  readonly logicalId: string;
  readonly resourceType: string;
  readonly properties: JsonObject;
  readonly previousProperties?: JsonObject;
}

export interface HookEvaluationOptions {
  /** CloudFormation truncates `message` at 4096 characters, Cloud Control at 1024. */
  readonly maxMessageLength?: number;
  readonly invocationPoint?: InvocationPoint;
  /** Parameters and pseudo parameters for projections (the target model is already resolved). */
  readonly parameters?: Readonly<Record<string, JsonValue>>;
}

type Verdict = 'PASS' | 'FAIL' | 'SKIP';

interface RuleOutcome {
  readonly name: string;
  status: Verdict;
  readonly failures: string[];
}

const DEFAULT_MAX_MESSAGE = 4096;
const MAX_ANNOTATION_MESSAGE = 1024;

export function documentFor(mode: DocumentMode, target: HookTarget, options: HookEvaluationOptions): JsonObject {
  switch (mode) {
    case 'hook':
      return hookDocument(target.resourceType, target.properties, target.previousProperties);
    case 'config-item':
      return projectToConfigItem(target.resourceType, target.logicalId, target.properties, { parameters: options.parameters }).document;
    case 'guard-hook': {
      const template = { Resources: { [target.logicalId]: { Type: target.resourceType, Properties: target.properties } } };
      const built = documentsForTemplate(template, 'target', 'guard-hook', { parameters: options.parameters, invocationPoint: options.invocationPoint });
      const document = built.ok ? built.documents[0]!.document : template;
      return target.previousProperties === undefined
        ? document
        : { ...document, Previous: { [target.logicalId]: { Type: target.resourceType, Properties: target.previousProperties } } };
    }
  }
}

export function evaluateTargets(
  files: readonly HookRuleFile[],
  targets: readonly HookTarget[],
  clientRequestToken: string | undefined,
  options: HookEvaluationOptions = {},
): HookResponse {
  const outcomes = new Map<string, RuleOutcome>();
  const qualify = files.length > 1;
  for (const file of files) {
    for (const target of targets) {
      const document: Value = jsonToValue(documentFor(file.as, target, options));
      const result = evaluate(file.rules, document, { dataName: target.logicalId });
      if (!result.ok) {
        return internalFailure(`${file.fileName} on ${target.logicalId}: ${result.error.message}`, clientRequestToken, options);
      }
      for (const verdict of result.report.rules) {
        const name = qualify ? `${file.fileName}/${verdict.name}` : verdict.name;
        const outcome = outcomes.get(name) ?? { name, status: 'SKIP', failures: [] };
        outcome.status = combine(outcome.status, verdict.status);
        if (verdict.status === 'FAIL') {
          const messages = failureMessages(result.report.events, verdict.name);
          outcome.failures.push(`${target.logicalId}${messages.length > 0 ? `: ${messages.join('; ')}` : ''}`);
        }
        outcomes.set(name, outcome);
      }
    }
  }
  const annotations: HookAnnotation[] = [...outcomes.values()].map((outcome) => ({
    annotationName: outcome.name,
    status: outcome.status === 'FAIL' ? 'FAILED' : outcome.status === 'PASS' ? 'PASSED' : 'SKIPPED',
    statusMessage: truncate(
      outcome.status === 'FAIL' ? `Non-compliant: ${outcome.failures.join(' | ')}` : outcome.status === 'PASS' ? 'Compliant' : 'Not applicable to this target',
      MAX_ANNOTATION_MESSAGE,
    ),
  }));
  const failed = [...outcomes.values()].filter((outcome) => outcome.status === 'FAIL');
  const max = options.maxMessageLength ?? DEFAULT_MAX_MESSAGE;
  const token = clientRequestToken === undefined ? {} : { clientRequestToken };
  if (failed.length === 0) {
    const checked = [...outcomes.values()].filter((outcome) => outcome.status === 'PASS').length;
    return { hookStatus: 'SUCCESS', message: truncate(`${checked} rule(s) passed, ${outcomes.size - checked} not applicable`, max), ...token, annotations };
  }
  const message = `${failed.length} rule(s) failed: ${failed.map((outcome) => `${outcome.name} (${outcome.failures.join(' | ')})`).join('; ')}`;
  return { hookStatus: 'FAILED', errorCode: 'NonCompliant', message: truncate(message, max), ...token, annotations };
}

export function internalFailure(message: string, clientRequestToken: string | undefined, options: HookEvaluationOptions = {}): HookResponse {
  return {
    hookStatus: 'FAILED',
    errorCode: 'InternalFailure',
    message: truncate(message, options.maxMessageLength ?? DEFAULT_MAX_MESSAGE),
    ...(clientRequestToken === undefined ? {} : { clientRequestToken }),
    annotations: [],
  };
}

function combine(current: Verdict, next: Verdict): Verdict {
  if (current === 'FAIL' || next === 'FAIL') return 'FAIL';
  if (current === 'PASS' || next === 'PASS') return 'PASS';
  return 'SKIP';
}

/** Cuts at the limit, marking the cut so a reader knows the message continues. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const marker = '… (truncated)';
  return text.slice(0, Math.max(0, max - marker.length)) + marker;
}
