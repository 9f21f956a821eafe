/**
 * Comparisons whose outcome cfn-guard 3.1.1 decides regardless of the data, or decides
 * differently from what they read like: values of types it never compares (`%int == 5.0`, even
 * with `!=`), `in "text"` (a substring test), ranges inside `in [...]` (never match),
 * `== TRUE` (a property name), `!=` between two queries (always FAIL), and `== [a, b]` (not
 * membership).
 */
import type { AccessClause, Literal } from '@guardts/guard-parser';
import { literalText } from '../ast-utils.js';
import type { LintModel, SiteContext } from '../lint-model.js';
import { warning, type LintWarning } from '../lint-warning.js';
import { comparableFor, describeType, isScalar, literalType, staticSideOfQuery, staticSideOfRhs, type StaticSide } from '../static-values.js';

const LITERAL_WORDS = new Set(['true', 'false', 'null']);

export function checkComparisons(model: LintModel): LintWarning[] {
  const warnings: LintWarning[] = [];
  for (const { node: clause, context } of model.clauses) {
    if (clause.kind !== 'AccessClause' || clause.rhs === null) continue;
    const left = staticSideOfQuery(clause.query, context.scope);
    const right = staticSideOfRhs(clause.rhs, context.scope);
    const mismatch = neverComparable(clause, left, right, context);
    if (mismatch !== null) warnings.push(mismatch);
    const rightLiteral = right?.literal ?? null;
    if (clause.comparator.operator === 'In' && rightLiteral !== null) warnings.push(...inPitfalls(rightLiteral));
    if (clause.comparator.operator === 'Eq' && rightLiteral?.kind === 'ListLiteral' && rightLiteral.elements.length > 1 && left === null && !headIsLiteralList(clause, context)) {
      const written = clause.comparator.negated ? '!=' : '==';
      warnings.push(
        warning(
          'equals-list-not-membership',
          `\`${written} ${literalText(rightLiteral)}\` compares the whole value with this list: it holds only for a value that is exactly this list, in this order. A single value is never equal to a list, and cfn-guard FAILs \`!=\` for it as well. For membership write \`${clause.comparator.negated ? 'not in' : 'in'} ${literalText(rightLiteral)}\``,
          clause.rhs.span,
        ),
      );
    }
    if (clause.rhs.kind === 'Query') {
      const misspelt = misspeltLiteralWord(clause);
      if (misspelt !== null) warnings.push(misspelt);
      if (clause.comparator.operator === 'Eq' && clause.comparator.negated && left === null && right === null) {
        warnings.push(
          warning(
            'query-not-equal-query',
            'cfn-guard 3.1.1 FAILs `!=` between two queries whether their values differ or not (`A != B` FAILs for A: 1, B: 2). For single values write `A not in B`; otherwise compare each side with a literal',
            clause.span,
          ),
        );
      }
    }
  }
  return warnings;
}

/** `%m… == [...]` where `m` is a literal list: a list compared with a list, on purpose. */
function headIsLiteralList(clause: AccessClause, context: SiteContext): boolean {
  const [head] = clause.query.parts;
  return head?.kind === 'Variable' && context.scope.lookup(head.name)?.value?.kind === 'ListLiteral';
}

function neverComparable(clause: AccessClause, left: StaticSide | null, right: StaticSide | null, context: SiteContext): LintWarning | null {
  if (left === null || right === null || !isScalar(left.type)) return null;
  const operator = clause.comparator.operator;
  let comparable: boolean;
  if (right.type === 'list' && operator === 'In' && right.literal?.kind === 'ListLiteral') {
    comparable = right.literal.elements.some((element) => comparableFor('Eq', left.type, literalType(element)));
  } else if (isScalar(right.type) || right.type.endsWith('-range')) {
    comparable = comparableFor(operator, left.type, right.type);
  } else {
    return null;
  }
  if (comparable) return null;
  const rightText = right.literal !== null ? `${literalText(right.literal)} (${describeType(right.type)})` : right.origin;
  const numbers = [left.type, right.type].every((type) => type.startsWith('int') || type.startsWith('float')) ? ' Ints and floats never compare in Guard: write both as ints or both as floats.' : '';
  const consequence = context.inConditions ? ' so this condition never holds and what it guards is always SKIP' : ' so this clause can never PASS';
  return warning(
    'never-comparable',
    `${left.origin} can never be compared with ${rightText}: cfn-guard FAILs a comparison between values of different types for every operator, \`!=\` included,${consequence}.${numbers}`,
    clause.span,
  );
}

function inPitfalls(right: Literal): LintWarning[] {
  if (right.kind === 'StringLiteral') {
    return [
      warning(
        'in-string-is-substring',
        `\`in\` with a string on the right tests whether the value is a substring of ${JSON.stringify(right.value)} (cfn-guard: \`Env in "xxprodxx"\` PASSes for \`prod\`). For equality write \`== ${JSON.stringify(right.value)}\`, for membership \`in [${JSON.stringify(right.value)}]\``,
        right.span,
      ),
    ];
  }
  if (right.kind !== 'ListLiteral') return [];
  return right.elements
    .filter((element) => element.kind === 'RangeLiteral')
    .map((range) =>
      warning(
        'range-in-list',
        `a range inside an \`in [...]\` list never matches in cfn-guard 3.1.1 (\`Size in [r[1, 100]]\` FAILs for 50); write \`in ${literalText(range)}\` on its own, or one clause per range joined with \`or\``,
        range.span,
      ),
    );
}

function misspeltLiteralWord(clause: AccessClause): LintWarning | null {
  if (clause.rhs?.kind !== 'Query' || clause.rhs.parts.length !== 1 || clause.rhs.some) return null;
  const [part] = clause.rhs.parts;
  if (part === undefined || part.kind !== 'Key' || part.quoted || !LITERAL_WORDS.has(part.name.toLowerCase())) return null;
  const word = part.name.toLowerCase();
  return warning(
    'keyword-case-literal',
    `\`${part.name}\` is not a literal in Guard (only ${word === 'null' ? '`null` and `NULL`' : `\`${word}\` and \`${word[0]?.toUpperCase()}${word.slice(1)}\``} are): it is read as a property name, and the clause compares with the value of a key called \`${part.name}\`. Write \`${word}\``,
    part.span,
  );
}
