/**
 * `--explain -o json`: the explanation of one rules file on one data file as a JSON document —
 * the same tree as the text (only what decided each status, filter candidates with their verdict),
 * values as `{ path, location, preview }` so that tools can point at the data.
 */
import type { ClauseCheck, CheckedValue, TraceNode, TraceNote, Value } from '@guardts/evaluator';
import type { SourceSpan } from '@guardts/guard-parser';
import { candidateOf, decidingChildren, nodeStatus, queryChildren } from './explain-nodes.js';
import { explainedRules, type ExplainInput } from './explain-text.js';
import { displayPath, operatorSymbol, previewValue, sourceText, spanLocation } from './explain-values.js';

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export function explainJson(input: ExplainInput): Json {
  return {
    dataFile: input.dataName,
    rulesFile: input.rulesName,
    status: input.status,
    rules: explainedRules(input).map(({ verdict, node }) => ({
      name: verdict.name,
      status: verdict.status,
      location: spanLocation(verdict.span ?? null),
      explanation: nodeJson(node, input),
    })),
  };
}

function nodeJson(node: TraceNode, input: ExplainInput): Json {
  const owned = queryChildren(node);
  const deciding = new Set(decidingChildren(node, owned));
  const children = node.children.filter((child) => owned.has(child) || deciding.has(child));
  const record = node.record;
  const candidate = candidateOf(node);
  const dropped = record.kind === 'Filter' && record.status !== 'PASS';
  return {
    kind: record.kind,
    label: node.context,
    status: nodeStatus(node),
    ...(record.kind === 'ClauseValueCheck' && record.check.kind !== 'Success' ? { check: checkJson(record.check) } : {}),
    ...(candidate === null ? {} : { candidate: valueJson(candidate) }),
    notes: node.notes.filter((note) => note.kind !== 'candidate').map((note) => noteJson(note, input)),
    // A kept filter candidate needs no reasons; a dropped one keeps the checks that dropped it.
    children: record.kind === 'Filter' && !dropped ? [] : children.map((child) => nodeJson(child, input)),
  };
}

function noteJson(note: TraceNote, input: ExplainInput): Json {
  switch (note.kind) {
    case 'condition':
      return { kind: 'condition', text: sourceText(input.rulesText, note.span, 400), location: spanLocation(note.span) };
    case 'candidate':
      return { kind: 'candidate', value: valueJson(note.value) };
    case 'query':
      return {
        kind: 'query',
        role: note.role,
        text: sourceText(input.rulesText, note.span, 400) ?? note.text,
        location: spanLocation(note.span),
        clause: sourceText(input.rulesText, note.clauseSpan, 400),
        clauseLocation: spanLocation(note.clauseSpan),
        start: valueJson(note.start),
        steps: note.steps.map((step) => ({
          part: step.part,
          location: spanLocation(step.span),
          values: step.values.map(valueJson),
          stopped: step.stopped.map((stop) => ({ at: valueJson(stop.traversedTo), keys: keysOf(stop.traversedTo), remainingQuery: stop.remainingQuery, reason: stop.reason })),
        })),
        results: note.results.map(sideJson),
      };
  }
}

function keysOf(value: Value): Json {
  return value.kind === 'map' ? value.keys.map((key) => key.value) : null;
}

export function valueJson(value: Value): Json {
  return { path: displayPath(value), location: spanLocation(value.span as SourceSpan | null), preview: previewValue(value, 200) };
}

function sideJson(side: CheckedValue): Json {
  if (side.kind === 'unresolved') return { unresolved: { at: valueJson(side.traversedTo), remainingQuery: side.remainingQuery, reason: side.reason } };
  return valueJson(side.value);
}

function checkJson(check: Exclude<ClauseCheck, { kind: 'Success' }>): Json {
  const common = { kind: check.kind, location: spanLocation(check.span), customMessage: check.customMessage, message: 'message' in check ? check.message : null };
  switch (check.kind) {
    case 'Comparison':
      return { ...common, operator: operatorSymbol(check.comparison), lhs: sideJson(check.from), rhs: check.to === null ? null : sideJson(check.to) };
    case 'InComparison':
      return { ...common, operator: operatorSymbol(check.comparison), lhs: sideJson(check.from), rhs: check.to.map(sideJson) };
    case 'Unary':
      return { ...common, operator: operatorSymbol(check.comparison), lhs: sideJson(check.from) };
    case 'MissingBlockValue':
      return { ...common, lhs: sideJson(check.from) };
    case 'DependentRule':
      return { ...common, rule: check.rule };
    case 'NoValueForEmptyCheck':
      return common;
  }
}
