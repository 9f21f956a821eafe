/**
 * Evaluates every resource of a template locally and through AWS Config proactive evaluation
 * (or the loopback emulator), and sets the verdicts side by side, per resource and rule. Both
 * sides see the same properties: intrinsics are substituted once, before either runs.
 */
import { basename, extname } from 'node:path';
import { createConfigService, type ConfigService } from '../client/config-service.js';
import { evaluateRemotely, type RemoteEvaluationOptions, type RemoteRuleResult } from '../client/evaluate-remotely.js';
import type { RemoteError } from '../client/remote-error.js';
import { buildDocument, type ConfigItemProjector, type DocumentShape } from '../emulator/document-shape.js';
import type { GuardEngine } from '../emulator/engines/guard-engine.js';
import type { RuleFile } from '../emulator/rules-directory.js';
import { defaultProjector } from '../emulator/default-projector.js';
import type { Template } from './read-template.js';
import { substituteIntrinsics, type Substitution } from './substitute-intrinsics.js';
import { compareVerdicts, overallOutcome, type Agreement, type CrossCheckOutcome, type LocalVerdict, type RemoteVerdict } from './verdicts.js';

export interface CrossCheckOptions {
  readonly rules: readonly RuleFile[];
  readonly template: Template;
  /** Names the run (EvaluationContext, AWS::StackName); default "guardts-cross-check". */
  readonly stackName?: string;
  /** The document the local rules see; Config builds its own from the properties. */
  readonly as: DocumentShape;
  readonly localEngine: GuardEngine;
  readonly remote: RemoteEvaluationOptions;
  readonly projector?: ConfigItemProjector;
  /** Types Config evaluates proactively, or `ask-service` (default): send and read the refusal. */
  readonly proactiveTypes?: readonly string[] | 'ask-service';
  /** Resources evaluated remotely at the same time. Default 4. */
  readonly concurrency?: number;
}

export type RemoteState =
  | { readonly state: 'evaluated'; readonly evaluationId: string; readonly compliance?: string; readonly results: readonly RemoteRuleResult[] }
  | { readonly state: 'not-evaluated'; readonly reason: string }
  | { readonly state: 'unknown'; readonly error: RemoteError };

export interface ResourceReport {
  readonly logicalId: string;
  readonly resourceType: string;
  readonly remote: RemoteState;
  readonly substitutions: readonly Substitution[];
  /** The document the local rules saw. */
  readonly localDocument: unknown;
}

export interface VerdictPair {
  readonly logicalId: string;
  readonly resourceType: string;
  readonly rule: string;
  readonly local: LocalVerdict;
  /** The local verdict in Config's terms, `ERROR` when the engine failed. */
  readonly localCompliance: RemoteVerdict | 'ERROR';
  readonly localMessages: readonly string[];
  readonly remote?: RemoteVerdict;
  readonly remoteAnnotation?: string;
  readonly agreement: Agreement;
  /** Why the pair is unknown or was not compared. */
  readonly reason?: string;
}

export interface CrossCheckReport {
  readonly as: DocumentShape;
  readonly resources: readonly ResourceReport[];
  readonly verdicts: readonly VerdictPair[];
  /** Config rules that answered but have no local counterpart (other proactive rules of the account). */
  readonly otherRemoteRules: readonly string[];
  readonly counts: Readonly<Record<Agreement, number>>;
  readonly outcome: CrossCheckOutcome;
}

const STATUS_COMPLIANCE = { PASS: 'COMPLIANT', FAIL: 'NON_COMPLIANT', SKIP: 'NOT_APPLICABLE', ERROR: 'ERROR' } as const;

export async function crossCheck(options: CrossCheckOptions): Promise<CrossCheckReport> {
  const stackName = options.stackName ?? 'guardts-cross-check';
  const region = options.remote.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'us-east-1';
  const projector = options.projector ?? defaultProjector;
  const prepared = options.template.resources.map((resource) => {
    const { value, substitutions } = substituteIntrinsics(resource.properties, { template: options.template, region, stackName });
    return { ...resource, properties: value, substitutions, localDocument: buildDocument(options.as, projector, resource.resourceType, resource.logicalId, value) };
  });

  const local = await evaluateLocally(options.localEngine, options.rules, prepared.map((r) => JSON.stringify(r.localDocument)));
  const remote = await evaluateAllRemotely(prepared, options);

  const resources: ResourceReport[] = prepared.map((resource, index) => ({
    logicalId: resource.logicalId,
    resourceType: resource.resourceType,
    remote: remote[index]!,
    substitutions: resource.substitutions,
    localDocument: resource.localDocument,
  }));
  const localNames = new Set(options.rules.map((rule) => rule.name));
  const otherRemoteRules = new Set<string>();
  const verdicts: VerdictPair[] = [];
  resources.forEach((resource, index) => {
    if (resource.remote.state === 'evaluated') {
      for (const result of resource.remote.results) if (!localNames.has(result.configRuleName)) otherRemoteRules.add(result.configRuleName);
    }
    for (const rule of options.rules) {
      const mine = local.get(rule.name)![index]!;
      verdicts.push(pairOf(resource, rule.name, mine));
    }
  });
  const counts = { agree: 0, disagree: 0, unknown: 0, 'not-evaluated-remotely': 0 };
  for (const pair of verdicts) counts[pair.agreement] += 1;
  return { as: options.as, resources, verdicts, otherRemoteRules: [...otherRemoteRules].sort(), counts, outcome: overallOutcome(verdicts) };
}

interface LocalResult {
  readonly verdict: LocalVerdict;
  readonly messages: readonly string[];
}

async function evaluateLocally(engine: GuardEngine, rules: readonly RuleFile[], documents: readonly string[]): Promise<Map<string, LocalResult[]>> {
  const byRule = new Map<string, LocalResult[]>();
  for (const rule of rules) {
    const outcome = await engine.evaluatePolicy(rule.policyText, rule.name, documents);
    byRule.set(
      rule.name,
      outcome.ok ? outcome.verdicts.map((v) => ({ verdict: v.status, messages: v.messages })) : documents.map(() => ({ verdict: 'ERROR' as const, messages: [outcome.error] })),
    );
  }
  return byRule;
}

function pairOf(resource: ResourceReport, rule: string, mine: LocalResult): VerdictPair {
  const base = { logicalId: resource.logicalId, resourceType: resource.resourceType, rule, local: mine.verdict, localCompliance: STATUS_COMPLIANCE[mine.verdict], localMessages: mine.messages };
  const remote = resource.remote;
  if (remote.state === 'not-evaluated') return { ...base, agreement: 'not-evaluated-remotely', reason: remote.reason };
  if (remote.state === 'unknown') return { ...base, agreement: 'unknown', reason: `${remote.error.code}: ${remote.error.message}` };
  const matching = remote.results.filter((r) => r.configRuleName === rule);
  if (matching.length === 0) return { ...base, agreement: 'unknown', reason: `Config returned no result for rule ${rule}` };
  // Several results for one rule name should not happen; the least favourable one stands.
  const order: RemoteVerdict[] = ['NON_COMPLIANT', 'INSUFFICIENT_DATA', 'COMPLIANT', 'NOT_APPLICABLE'];
  const chosen = [...matching].sort((a, b) => order.indexOf(a.complianceType) - order.indexOf(b.complianceType))[0]!;
  const agreement = compareVerdicts(mine.verdict, chosen.complianceType);
  return {
    ...base,
    remote: chosen.complianceType,
    ...(chosen.annotation !== undefined ? { remoteAnnotation: chosen.annotation } : {}),
    agreement,
    ...(agreement === 'unknown' ? { reason: mine.verdict === 'ERROR' ? `local evaluation failed: ${mine.messages[0] ?? ''}` : `Config answered ${chosen.complianceType}` } : {}),
  };
}

async function evaluateAllRemotely(
  resources: readonly { logicalId: string; resourceType: string; properties: unknown }[],
  options: CrossCheckOptions,
): Promise<RemoteState[]> {
  const states: RemoteState[] = new Array(resources.length);
  const types = options.proactiveTypes ?? 'ask-service';
  let service: ConfigService | undefined;
  try {
    service = options.remote.service ?? (await createConfigService(options.remote));
  } catch (error) {
    const reason: RemoteError = { code: 'UNEXPECTED', message: `cannot create the Config client: ${error instanceof Error ? error.message : String(error)}` };
    return resources.map(() => ({ state: 'unknown', error: reason }));
  }
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < resources.length; index = next++) {
      const resource = resources[index]!;
      if (types !== 'ask-service' && !types.includes(resource.resourceType)) {
        states[index] = { state: 'not-evaluated', reason: `${resource.resourceType} is not among the types Config evaluates proactively` };
        continue;
      }
      const outcome = await evaluateRemotely(resource, { ...options.remote, service });
      if (outcome.ok) {
        states[index] = { state: 'evaluated', evaluationId: outcome.evaluation.evaluationId, ...(outcome.evaluation.compliance !== undefined ? { compliance: outcome.evaluation.compliance } : {}), results: outcome.evaluation.results };
      } else if (outcome.error.code === 'UNSUPPORTED_RESOURCE_TYPE') {
        states[index] = { state: 'not-evaluated', reason: outcome.error.message };
      } else {
        states[index] = { state: 'unknown', error: outcome.error };
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, resources.length)) }, worker));
  } finally {
    if (options.remote.service === undefined) service.destroy();
  }
  return states;
}

/** The stack name a template gets when none is given: its file name without extension. */
export function stackNameFor(templatePath: string): string {
  return basename(templatePath, extname(templatePath)).replace(/[^A-Za-z0-9-]/g, '-').slice(0, 128) || 'guardts-cross-check';
}
