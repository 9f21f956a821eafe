/**
 * What the emulator and the cross-check need from a Guard engine: one policy (a whole rules file,
 * as a Config custom policy rule holds one) against documents, giving the file-level status
 * cfn-guard reports (FAIL if any rule failed, else PASS if any passed, else SKIP).
 */
export type GuardStatus = 'PASS' | 'FAIL' | 'SKIP';

export interface PolicyVerdict {
  readonly status: GuardStatus;
  /** Failure messages, first the most useful; Config's `Annotation` is the first one. */
  readonly messages: readonly string[];
}

export type PolicyOutcome = { readonly ok: true; readonly verdicts: readonly PolicyVerdict[] } | { readonly ok: false; readonly error: string };

export interface GuardEngine {
  readonly name: string;
  /** `documents` are JSON texts, so that every engine parses exactly the same input. */
  evaluatePolicy(policyText: string, policyName: string, documents: readonly string[]): Promise<PolicyOutcome>;
}
