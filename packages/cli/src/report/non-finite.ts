/**
 * cfn-guard converts reported values to serde_json values, which cannot hold NaN or ±infinity: a
 * report that would show such a float aborts the run (exit 255) with this message. The verdicts
 * are computed first; only the reporting fails, and only where values are converted (JSON/YAML
 * reports and the generic console report; not the CloudFormation console report, JUnit or SARIF).
 */
import { RustFloat } from './canonical-report.js';

/** The first NaN/±infinity inside a reported value, or null. */
export function firstNonFinite(value: unknown): number | null {
  if (value instanceof RustFloat) return Number.isFinite(value.value) ? null : value.value;
  if (typeof value === 'number') return Number.isFinite(value) ? null : value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = firstNonFinite(item);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') return firstNonFinite(Object.values(value));
  return null;
}

/** Rust's `Display` of a non-finite f64. */
function rustFloat(value: number): string {
  return Number.isNaN(value) ? 'NaN' : value > 0 ? 'inf' : '-inf';
}

export function nonFiniteMessage(value: number, context: 'JSON' | 'YAML' | null): string {
  const conversion = `Types or variable assignments are incompatible \`Could not convert float ${rustFloat(value)} to serde::Value::Number\``;
  return context === null ? conversion : `Error parsing incoming ${context} context ${conversion}`;
}
