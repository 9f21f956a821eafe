/**
 * The structured report rebuilt with cfn-guard's field order (its serde struct order) and with
 * data floats marked, so that the serialised document matches the reference byte for byte no
 * matter how the evaluator built its objects: `{"from", "to", "comparison"}`, `3.0` not `3`.
 */
import { RustFloat, type Value } from '@guardts/evaluator';
import { findValueByPath } from './locate-value.js';
import type { ClauseReport, FileReport, Messages, PathAndValue, UnResolved } from './structured-report.js';

// One class for floats in every writer: the evaluator's structured report marks its own with it.
export { RustFloat };

/** The JSON value of a data value, with every integral float wrapped in {@link RustFloat}. */
function markFloats(json: unknown, value: Value | null): unknown {
  if (value === null) return json;
  if (value.kind === 'float' && typeof json === 'number') return new RustFloat(json);
  if (value.kind === 'list' && Array.isArray(json)) return json.map((item, index) => markFloats(item, value.items[index] ?? null));
  if (value.kind === 'map' && json !== null && typeof json === 'object' && !Array.isArray(json)) {
    return Object.fromEntries(Object.entries(json as Record<string, unknown>).map(([key, item]) => [key, markFloats(item, value.entries.get(key) ?? null)]));
  }
  return json;
}

class Canonicaliser {
  constructor(private readonly document: Value | null) {}

  /** The checks of one `in` clause share their right-hand side (a cross product: n^2 checks of n values): so do their canonical forms. */
  private readonly inTargets = new WeakMap<readonly PathAndValue[], readonly PathAndValue[]>();

  inTarget(to: readonly PathAndValue[]): readonly PathAndValue[] {
    let canonical = this.inTargets.get(to);
    if (canonical === undefined) {
      canonical = to.map((each) => this.pathValue(each));
      this.inTargets.set(to, canonical);
    }
    return canonical;
  }

  pathValue(pv: PathAndValue): PathAndValue {
    const value = this.document === null || pv.path === '' ? null : findValueByPath(this.document, pv.path);
    return { path: pv.path, value: markFloats(pv.value, value !== null && value.path === pv.path ? value : null) };
  }

  messages(messages: Messages): Messages {
    return { custom_message: messages.custom_message, error_message: messages.error_message };
  }

  unresolved(unresolved: UnResolved): UnResolved {
    return { traversed_to: this.pathValue(unresolved.traversed_to), remaining_query: unresolved.remaining_query, reason: unresolved.reason };
  }

  clause(report: ClauseReport): ClauseReport {
    if ('Rule' in report) {
      const rule = report.Rule;
      return { Rule: { name: rule.name, metadata: rule.metadata, messages: this.messages(rule.messages), checks: rule.checks.map((check) => this.clause(check)) } };
    }
    if ('Block' in report) {
      const block = report.Block;
      return { Block: { context: block.context, messages: this.messages(block.messages), unresolved: block.unresolved === null ? null : this.unresolved(block.unresolved) } };
    }
    if ('Disjunctions' in report) return { Disjunctions: { checks: report.Disjunctions.checks.map((check) => this.clause(check)) } };
    const guard = report.Clause;
    if ('Unary' in guard) {
      const unary = guard.Unary;
      const check = unary.check;
      const canonical =
        'UnResolved' in check
          ? { UnResolved: { value: this.unresolved(check.UnResolved.value), comparison: check.UnResolved.comparison } }
          : 'Resolved' in check
            ? { Resolved: { value: this.pathValue(check.Resolved.value), comparison: check.Resolved.comparison } }
            : { UnResolvedContext: check.UnResolvedContext };
      return { Clause: { Unary: { check: canonical, context: unary.context, messages: this.messages(unary.messages) } } };
    }
    const binary = guard.Binary;
    const check = binary.check;
    const canonical =
      'UnResolved' in check
        ? { UnResolved: { value: this.unresolved(check.UnResolved.value), comparison: check.UnResolved.comparison } }
        : 'Resolved' in check
          ? { Resolved: { from: this.pathValue(check.Resolved.from), to: this.pathValue(check.Resolved.to), comparison: check.Resolved.comparison } }
          : { InResolved: { from: this.pathValue(check.InResolved.from), to: this.inTarget(check.InResolved.to), comparison: check.InResolved.comparison } };
    return { Clause: { Binary: { context: binary.context, messages: this.messages(binary.messages), check: canonical } } };
  }
}

export function canonicalFileReport(report: FileReport, document: Value | null): FileReport {
  const canonicaliser = new Canonicaliser(document);
  return {
    name: report.name,
    metadata: report.metadata,
    status: report.status,
    not_compliant: report.not_compliant.map((clause) => canonicaliser.clause(clause)),
    not_applicable: report.not_applicable,
    compliant: report.compliant,
  };
}
