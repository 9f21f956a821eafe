/** The GuardEngine backed by @guardts/evaluator (and the parser's diagnostics for messages). */
import {
  compileRules,
  evaluate,
  loadDocument,
  loadTestSpecDocument,
  mergeInputParameters,
  toStructuredReport,
  type CompiledRules as EvaluatorRules,
  type DocumentLoadResult,
  type Value,
} from '@guardts/evaluator';
import { formatDiagnostic } from '@guardts/guard-parser';
import type { CompiledRules, GuardEngine, Outcome, RulesEvaluation } from './guard-engine.js';

interface EngineRules extends CompiledRules {
  readonly compiled: EvaluatorRules;
}

function fromLoad(result: DocumentLoadResult): Outcome<Value> {
  return result.ok ? { ok: true, value: result.document } : { ok: false, message: result.error.message };
}

export function evaluatorEngine(): GuardEngine {
  return {
    compileRules(text, fileName) {
      const result = compileRules(text, { fileName });
      if (!result.ok) {
        const error = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? result.diagnostics[0];
        return { ok: false, message: error === undefined ? `${fileName}: the rules file does not parse` : formatDiagnostic(error, text) };
      }
      const rules: EngineRules = { fileName, empty: result.rules.empty, compiled: result.rules };
      return { ok: true, value: rules };
    },
    loadDocument(text, name) {
      return fromLoad(loadDocument(text, { fileName: name }));
    },
    loadTestSpecDocument(text, name) {
      return fromLoad(loadTestSpecDocument(text, { fileName: name }));
    },
    mergeDocuments(first, second) {
      // The parameters come first, the data is merged into them (cfn-guard's key order).
      return fromLoad(mergeInputParameters(second, [first]));
    },
    evaluate(rules, document, dataName) {
      const result = evaluate((rules as EngineRules).compiled, document, { dataName });
      if (!result.ok) return { ok: false, message: result.error.message };
      const report = result.report;
      const projection = toStructuredReport(dataName, [report]);
      const evaluation: RulesEvaluation = {
        status: report.status,
        rules: report.rules,
        notCompliant: projection.not_compliant,
        notApplicable: projection.not_applicable,
        compliant: projection.compliant,
        events: report.events,
      };
      return { ok: true, value: evaluation };
    },
  };
}
