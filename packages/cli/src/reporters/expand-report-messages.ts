/**
 * `--expand-messages`: the structured report with the placeholders of its custom messages expanded
 * (docs/custom-messages.md), for the reference-compatible `-z` formats, which print them as
 * written otherwise.
 */
import type { ClauseReport, Messages } from '../report/structured-report.js';
import type { DataFile } from '../validate/data-files.js';
import { expandMessage, hasPlaceholders, messageFacts } from './message-template.js';

export function expandReportMessages(reports: readonly ClauseReport[], dataFile: DataFile): ClauseReport[] {
  return reports.map((report) => expandClause(report, dataFile, 'Rule' in report ? report.Rule.name : ''));
}

function expanded(messages: Messages, dataFile: DataFile, valuePath: string | null, rule: string, reported: unknown = undefined): Messages {
  const custom = messages.custom_message;
  if (custom === null || !hasPlaceholders(custom)) return messages;
  return { ...messages, custom_message: expandMessage(custom, messageFacts(dataFile.document, valuePath, rule, dataFile.origin ?? null, reported)) };
}

function expandClause(report: ClauseReport, dataFile: DataFile, rule: string): ClauseReport {
  if ('Rule' in report) {
    const { Rule } = report;
    return { Rule: { ...Rule, messages: expanded(Rule.messages, dataFile, null, rule), checks: Rule.checks.map((check) => expandClause(check, dataFile, rule)) } };
  }
  if ('Disjunctions' in report) {
    const { Disjunctions } = report;
    return { Disjunctions: { ...Disjunctions, checks: Disjunctions.checks.map((check) => expandClause(check, dataFile, rule)) } };
  }
  if ('Block' in report) {
    const { Block } = report;
    return { Block: { ...Block, messages: expanded(Block.messages, dataFile, Block.unresolved?.traversed_to.path ?? null, rule) } };
  }
  const clause = report.Clause;
  if ('Unary' in clause) {
    const { Unary } = clause;
    const check = Unary.check;
    if ('Resolved' in check) return { Clause: { Unary: { ...Unary, messages: expanded(Unary.messages, dataFile, check.Resolved.value.path, rule, check.Resolved.value.value) } } };
    const valuePath = 'UnResolved' in check ? check.UnResolved.value.traversed_to.path : null;
    return { Clause: { Unary: { ...Unary, messages: expanded(Unary.messages, dataFile, valuePath, rule) } } };
  }
  const { Binary } = clause;
  const check = Binary.check;
  const from = 'Resolved' in check ? check.Resolved.from : 'InResolved' in check ? check.InResolved.from : null;
  const valuePath = from?.path ?? ('UnResolved' in check ? check.UnResolved.value.traversed_to.path : null);
  return { Clause: { Binary: { ...Binary, messages: expanded(Binary.messages, dataFile, valuePath, rule, from?.value) } } };
}
