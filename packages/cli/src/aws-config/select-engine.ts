/** The Guard engine a Config command runs: guardts' own evaluator or cfn-guard 3.1.1. */
import { guardtsEngine, locateReferenceBinary, referenceEngine, type GuardEngine } from '@guardts/config-adapter';

export type EngineName = 'guardts' | 'reference';

export function selectEngine(name: EngineName, referenceBinary: string | undefined): { ok: true; engine: GuardEngine } | { ok: false; error: string } {
  if (name === 'guardts') return { ok: true, engine: guardtsEngine() };
  const located = locateReferenceBinary(referenceBinary);
  return located.ok ? { ok: true, engine: referenceEngine({ binary: located.path }) } : located;
}
