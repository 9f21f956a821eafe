import { parseRules } from '@guardts/guard-parser';
import { describe, expect, it } from 'vitest';
import { checkRegexLiterals } from '../../src/regex/check-regex-literals.js';

function check(text: string) {
  const parsed = parseRules(text, { fileName: 'r.guard' });
  if (parsed.ast === null) throw new Error(parsed.diagnostics.map((d) => d.message).join('\n'));
  return checkRegexLiterals(parsed.ast);
}

describe('checkRegexLiterals', () => {
  it('accepts the patterns cfn-guard compiles', () => {
    expect(check('rule r {\n  A == /\\A\\s*\\z/\n  B in [/(?i)^x/, /[[:alpha:]]+/]\n}\n')).toEqual([]);
  });

  it('reports a pattern cfn-guard refuses, where the parser lets it through, with its span', () => {
    // `\q` is an identity escape to JavaScript but an error for fancy-regex (the file exits 5).
    const diagnostics = check('rule r {\n  A == /a\\q/\n}\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.code).toBe('invalid_regex');
    expect(diagnostics[0]?.message).toContain('\\q');
    expect(diagnostics[0]?.span.start.line).toBe(2);
  });
});
