/**
 * How a local Guard verdict and Config's compare, and what a whole run amounts to. PASS agrees
 * with COMPLIANT, FAIL with NON_COMPLIANT, SKIP with NOT_APPLICABLE; INSUFFICIENT_DATA, a missing
 * result or an error is unknown. A run where Config evaluated nothing (every remote verdict
 * NOT_APPLICABLE) is its own outcome: it is the sign of a document of the wrong shape and must
 * never look like success.
 */
import type { GuardStatus } from '../emulator/engines/guard-engine.js';

export type LocalVerdict = GuardStatus | 'ERROR';
export type RemoteVerdict = 'COMPLIANT' | 'NON_COMPLIANT' | 'NOT_APPLICABLE' | 'INSUFFICIENT_DATA';
export type Agreement = 'agree' | 'disagree' | 'unknown' | 'not-evaluated-remotely';
export type CrossCheckOutcome = 'agree' | 'disagree' | 'unknown' | 'nothing-evaluated';

export const COMPLIANCE_OF_STATUS: Readonly<Record<GuardStatus, RemoteVerdict>> = { PASS: 'COMPLIANT', FAIL: 'NON_COMPLIANT', SKIP: 'NOT_APPLICABLE' };

export function compareVerdicts(local: LocalVerdict, remote: RemoteVerdict | undefined): Agreement {
  if (local === 'ERROR' || remote === undefined || remote === 'INSUFFICIENT_DATA') return 'unknown';
  return COMPLIANCE_OF_STATUS[local] === remote ? 'agree' : 'disagree';
}

export interface ComparedPair {
  readonly agreement: Agreement;
  readonly remote?: RemoteVerdict;
}

/**
 * Precedence: nothing evaluated remotely (and nothing unknown) first, since a disagreement
 * there only says the shapes differ; then any disagreement; then any unknown; else agreement.
 */
export function overallOutcome(pairs: readonly ComparedPair[]): CrossCheckOutcome {
  const compared = pairs.filter((p) => p.agreement !== 'not-evaluated-remotely');
  const unknown = compared.some((p) => p.agreement === 'unknown');
  const remoteEvaluated = compared.some((p) => p.remote === 'COMPLIANT' || p.remote === 'NON_COMPLIANT');
  if (!remoteEvaluated && !unknown) return 'nothing-evaluated';
  if (compared.some((p) => p.agreement === 'disagree')) return 'disagree';
  if (unknown) return 'unknown';
  return 'agree';
}
