/**
 * A type block's `when` is evaluated once against the document root, not against each resource
 * (S12): `AWS::S3::Bucket when Properties.X == 1 { … }` looks for a root key `Properties`.
 */
import type { LintModel } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';

const RESOURCE_KEYS = new Set(['Properties', 'Type', 'Metadata', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'CreationPolicy', 'UpdatePolicy']);

export function checkTypeBlockWhen(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  const typeBlockConditions = new Set(
    model.conjunctions.filter((site) => site.role === 'type-block-conditions').flatMap((site) => site.clauses.flatMap((disjunction) => disjunction.clauses)),
  );
  for (const { node: clause, context } of model.clauses) {
    if (clause.kind !== 'AccessClause' || !context.inConditions || context.inBlock) continue;
    const [head] = clause.query.parts;
    if (head?.kind !== 'Key' || !RESOURCE_KEYS.has(head.name)) continue;
    if (!typeBlockConditions.has(clause)) continue;
    warnings.push(
      warning(
        'type-block-when-at-root',
        `a type block's \`when\` is evaluated once against the document root, not against each resource: \`${head.name}\` here is a key of the root, which a template does not have, so the block is SKIP. Move the condition inside the block: \`AWS::… { when ${head.name}… { … } }\``,
        clause.query.span,
      ),
    );
  }
  return warnings;
}
