/** Everything an operation handler may read or change; one per emulator instance. */
import type { ConfigItemProjector, DocumentShape } from './document-shape.js';
import type { GuardEngine } from './engines/guard-engine.js';
import type { CompletionPolicy, EvaluationStore } from './evaluation-store.js';
import type { FaultPlan } from './faults.js';
import type { JsonObject } from './input-checks.js';
import type { RuleStore } from './rule-store.js';

export type EmptyDetailsPages = 'none' | 'first' | 'interleaved';

export interface EmulatorContext {
  readonly region: string;
  readonly rules: RuleStore;
  readonly evaluations: EvaluationStore;
  readonly faults: FaultPlan;
  readonly engine: GuardEngine;
  readonly documentShape: DocumentShape;
  readonly projector: ConfigItemProjector;
  /** Scope of rules that declare none (`--scope`); empty: every type. */
  readonly defaultScope: readonly string[];
  /** Resource types accepted by StartResourceEvaluation, or every type. */
  readonly supportedTypes: readonly string[] | 'any';
  readonly completion: CompletionPolicy;
  readonly detailsPageSize: number;
  readonly emptyDetailsPages: EmptyDetailsPages;
  readonly clientTokenLength: { readonly min: number; readonly max: number };
  /** Evaluations run by the engine; exposed so tests can await completion deterministically. */
  readonly pendingRuns: Set<Promise<void>>;
}

export type OperationHandler = (input: JsonObject, context: EmulatorContext) => Promise<JsonObject> | JsonObject;
