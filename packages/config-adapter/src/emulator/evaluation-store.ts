/**
 * Proactive evaluations in flight and done. The engine runs as soon as an evaluation starts, but
 * the evaluation only reports SUCCEEDED after `completeAfterPolls` summary polls and
 * `completeAfterMs`, so a client that reads results without polling fails as it would against
 * Config.
 */
export type ComplianceType = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' | 'INSUFFICIENT_DATA';

export interface StoredResult {
  readonly configRuleName: string;
  readonly complianceType: Exclude<ComplianceType, 'INSUFFICIENT_DATA'>;
  readonly annotation?: string;
  readonly invokedAt: number;
  readonly recordedAt: number;
  /** What the rule's policy was given, for `GET /__emulator/evaluations/<id>`. */
  readonly document: unknown;
}

export type EngineRun = { readonly ok: true; readonly results: readonly StoredResult[] } | { readonly ok: false; readonly failureReason: string };

export interface EvaluationRecord {
  readonly id: string;
  readonly clientToken?: string;
  readonly requestHash: string;
  readonly resourceDetails: Readonly<Record<string, unknown>>;
  readonly evaluationContext?: Readonly<Record<string, unknown>>;
  readonly evaluationTimeoutSeconds: number;
  readonly startedAt: number;
  /** Never completes (fault `stay-in-progress`). */
  readonly held: boolean;
  /** Ends FAILED with this reason (fault `fail-evaluation`). */
  readonly forcedFailure?: string;
  polls: number;
  run?: EngineRun;
  runFinishedAt?: number;
}

export type EvaluationStatus = { readonly status: 'IN_PROGRESS' } | { readonly status: 'FAILED'; readonly reason: string } | { readonly status: 'SUCCEEDED'; readonly results: readonly StoredResult[] };

export interface CompletionPolicy {
  readonly completeAfterPolls: number;
  readonly completeAfterMs: number;
}

export function statusOf(record: EvaluationRecord, policy: CompletionPolicy, now: number): EvaluationStatus {
  if (record.run === undefined || record.runFinishedAt === undefined) {
    if (now - record.startedAt > record.evaluationTimeoutSeconds * 1000) return { status: 'FAILED', reason: `Evaluation did not finish within EvaluationTimeout (${record.evaluationTimeoutSeconds} s)` };
    return { status: 'IN_PROGRESS' };
  }
  if (record.held) return { status: 'IN_PROGRESS' };
  if (record.polls < policy.completeAfterPolls || now - record.startedAt < policy.completeAfterMs) return { status: 'IN_PROGRESS' };
  if (record.forcedFailure !== undefined) return { status: 'FAILED', reason: record.forcedFailure };
  if (record.runFinishedAt - record.startedAt > record.evaluationTimeoutSeconds * 1000) {
    return { status: 'FAILED', reason: `Evaluation did not finish within EvaluationTimeout (${record.evaluationTimeoutSeconds} s)` };
  }
  return record.run.ok ? { status: 'SUCCEEDED', results: record.run.results } : { status: 'FAILED', reason: record.run.failureReason };
}

/** The summary roll-up (inferred, see spec §5): any NON_COMPLIANT, else any COMPLIANT, else INSUFFICIENT_DATA. */
export function rollUp(results: readonly StoredResult[]): ComplianceType {
  if (results.some((r) => r.complianceType === 'NON_COMPLIANT')) return 'NON_COMPLIANT';
  if (results.some((r) => r.complianceType === 'COMPLIANT')) return 'COMPLIANT';
  return 'INSUFFICIENT_DATA';
}

export class EvaluationStore {
  private readonly byId = new Map<string, EvaluationRecord>();
  private readonly byToken = new Map<string, EvaluationRecord>();
  private counter = 0;

  nextId(): string {
    this.counter += 1;
    return `guardts-eval-${this.counter.toString().padStart(8, '0')}-${Math.random().toString(16).slice(2, 10)}`;
  }

  add(record: EvaluationRecord): void {
    this.byId.set(record.id, record);
    if (record.clientToken !== undefined) this.byToken.set(record.clientToken, record);
  }

  get(id: string): EvaluationRecord | undefined {
    return this.byId.get(id);
  }

  byClientToken(token: string): EvaluationRecord | undefined {
    return this.byToken.get(token);
  }

  /** Newest first. */
  all(): EvaluationRecord[] {
    return [...this.byId.values()].reverse();
  }
}
