/**
 * `Resources.*[ Type == 'X' ]…` outside any `when`: cfn-guard makes it SKIP on a template with
 * only other resources, but FAIL on a template whose `Resources` is empty or missing (the
 * wildcard over an empty map is unresolved, S10). The registry's idiom
 * `rule r when %sel !empty { … }` is SKIP in all three cases.
 */
import type { Query } from '@guardts/guard-parser';
import { queryText } from '../ast-utils.js';
import type { LintModel, SiteContext } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';

export function checkUnguardedSelection(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { node: clause, context } of model.clauses) {
    if (clause.kind !== 'AccessClause' && clause.kind !== 'BlockClause') continue;
    if (!context.atRoot || context.guarded || context.inConditions || context.rule === null) continue;
    if (clause.kind === 'AccessClause' && clause.comparator.operator === 'Empty') continue;
    if (clause.kind === 'BlockClause' && clause.notEmpty) continue;
    const selection = resourceSelection(clause.query, context, model.source);
    if (selection === null) continue;
    const guard = selection.variable !== null ? `\`rule … when %${selection.variable} !empty { … }\`` : `\`let sel = ${selection.text}\` and \`rule … when %sel !empty { %sel… }\``;
    warnings.push(
      warning(
        'unguarded-resource-selection',
        `without a \`when\` guard this ${clause.kind === 'BlockClause' ? 'block' : 'clause'} is SKIP on a template that has no matching resource, but FAIL on a template whose \`Resources\` is empty or missing. Guard it: ${guard}`,
        clause.query.span,
      ),
    );
  }
  return warnings;
}

/** The `Resources.*[ … ]` selection the query starts with, directly or through a `let`; else null. */
function resourceSelection(query: Query, context: SiteContext, source: string | null): { readonly variable: string | null; readonly text: string } | null {
  const [head] = query.parts;
  if (head?.kind === 'Variable') {
    const value = context.scope.lookup(head.name)?.value;
    return value?.kind === 'Query' && startsWithResourceFilter(value) ? { variable: head.name, text: queryText(value) } : null;
  }
  if (!startsWithResourceFilter(query)) return null;
  const filter = query.parts[2];
  const text = source !== null && filter !== undefined ? source.slice(query.span.start.offset, filter.span.end.offset) : 'Resources.*[ Type == … ]';
  return { variable: null, text };
}

function startsWithResourceFilter(query: Query): boolean {
  const [head, wildcard, filter] = query.parts;
  return (
    head?.kind === 'Key' &&
    head.name === 'Resources' &&
    wildcard?.kind === 'AllValues' &&
    wildcard.capture === null &&
    (filter?.kind === 'Filter' || filter?.kind === 'KeysFilter')
  );
}
