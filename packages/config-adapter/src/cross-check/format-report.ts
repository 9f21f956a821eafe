/** The cross-check report as a terminal table or as JSON. */
import type { CrossCheckReport } from './cross-check.js';
import type { CrossCheckOutcome } from './verdicts.js';

const OUTCOME_TEXT: Readonly<Record<CrossCheckOutcome, string>> = {
  agree: 'every compared verdict agrees',
  disagree: 'guardts and Config disagree',
  unknown: "some of Config's verdicts are unknown (error, timeout, missing result or INSUFFICIENT_DATA)",
  'nothing-evaluated':
    'Config evaluated nothing: every remote verdict is NOT_APPLICABLE (or no resource could be evaluated remotely). The document Config gives the rules probably has another shape than the local one; this is not a success.',
};

export function formatReportJson(report: CrossCheckReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function formatReportText(report: CrossCheckReport, templateName: string): string {
  const rows = report.verdicts.map((pair) => [
    pair.logicalId,
    pair.resourceType,
    pair.rule,
    pair.local === 'ERROR' ? 'ERROR' : `${pair.localCompliance} (${pair.local})`,
    pair.remote ?? '-',
    pair.agreement === 'not-evaluated-remotely' ? 'not evaluated remotely' : pair.agreement,
  ]);
  const header = ['RESOURCE', 'TYPE', 'RULE', 'GUARDTS', 'CONFIG', 'RESULT'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ');
  const out = [`cross-check of ${templateName} (local document: ${report.as})`, '', line(header), ...rows.map(line), ''];

  const notes: string[] = [];
  for (const pair of report.verdicts) {
    if (pair.reason !== undefined && pair.agreement !== 'agree') notes.push(`${pair.logicalId} / ${pair.rule}: ${pair.reason}`);
    if (pair.agreement === 'disagree') {
      if (pair.localMessages[0] !== undefined) notes.push(`${pair.logicalId} / ${pair.rule}: guardts: ${pair.localMessages[0]}`);
      if (pair.remoteAnnotation !== undefined) notes.push(`${pair.logicalId} / ${pair.rule}: Config: ${pair.remoteAnnotation}`);
    }
  }
  for (const resource of report.resources) {
    for (const s of resource.substitutions) notes.push(`${resource.logicalId}: ${s.intrinsic} at ${s.path} replaced by ${JSON.stringify(s.value)}`);
  }
  if (report.otherRemoteRules.length > 0) notes.push(`Config also ran rules with no local counterpart: ${report.otherRemoteRules.join(', ')}`);
  if (notes.length > 0) out.push('Notes:', ...[...new Set(notes)].map((n) => `  ${n}`), '');
  const c = report.counts;
  out.push(`${c.agree} agree, ${c.disagree} disagree, ${c.unknown} unknown, ${c['not-evaluated-remotely']} not evaluated remotely: ${OUTCOME_TEXT[report.outcome]}`);
  return `${out.join('\n')}\n`;
}
