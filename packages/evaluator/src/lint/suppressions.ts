/**
 * Comments that silence a warning where the author means it:
 * `# guardts-lint-disable-next-line code[, code…]` on the line before, or
 * `# guardts-lint-disable-line code[, code…]` at the end of the line; without codes, every warning
 * of that line. Guard comments run to the end of the line, so cfn-guard ignores them.
 */
import type { LintWarning } from './lint-warning.js';

const DIRECTIVE = /#\s*guardts-lint-disable-(next-line|line)\b([^\n]*)/;

/** Per 1-based line: the codes silenced there (`null` for all). */
function silencedLines(source: string): Map<number, Set<string> | null> {
  const silenced = new Map<number, Set<string> | null>();
  source.split('\n').forEach((text, index) => {
    const match = DIRECTIVE.exec(text);
    if (match === null) return;
    const codes = (match[2] ?? '').split(/[\s,]+/).filter((code) => /^[a-z-]+$/.test(code));
    const line = match[1] === 'next-line' ? index + 2 : index + 1;
    const previous = silenced.get(line);
    if (codes.length === 0 || previous === null) silenced.set(line, null);
    else silenced.set(line, new Set([...(previous ?? []), ...codes]));
  });
  return silenced;
}

export function withoutSuppressed(warnings: readonly LintWarning[], source: string | null): LintWarning[] {
  if (source === null || !source.includes('guardts-lint-disable')) return [...warnings];
  const silenced = silencedLines(source);
  return warnings.filter((found) => {
    const codes = silenced.get(found.span.start.line);
    return codes === undefined || (codes !== null && !codes.has(found.code));
  });
}
