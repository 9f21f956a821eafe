// Diagnostics: stable codes, positions, several errors per file, and their rendering.
import { describe, expect, it } from 'vitest';
import { DiagnosticCodes, formatDiagnostic, parseRules, type Diagnostic } from '../src/index.js';

function diagnosticsOf(text: string): readonly Diagnostic[] {
  const { ast, diagnostics } = parseRules(text, { fileName: 'bad.guard' });
  expect(ast).toBeNull();
  return diagnostics;
}

function codeAndPosition(d: Diagnostic): string {
  return `${d.code}@${d.span.start.line}:${d.span.start.column}`;
}

describe('diagnostic codes and positions', () => {
  const cases: Record<string, string> = {
    'A == "abc': `${DiagnosticCodes.unterminatedString}@1:6`,
    'A == /abc': `${DiagnosticCodes.unterminatedRegex}@1:6`,
    'A == //': `${DiagnosticCodes.emptyRegex}@1:6`,
    'A exists <<abc': `${DiagnosticCodes.unterminatedMessage}@1:10`,
    'A == ~': `${DiagnosticCodes.unknownCharacter}@1:6`,
    'A == /abc\\Z/': `${DiagnosticCodes.invalidRegex}@1:6`,
    'A == /(a/': `${DiagnosticCodes.invalidRegex}@1:6`,
    'A == 9223372036854775808': `${DiagnosticCodes.integerOutOfRange}@1:6`,
    'A == -1.5': `${DiagnosticCodes.negativeFloat}@1:6`,
    'A == r[1, 2.0]': `${DiagnosticCodes.rangeBoundsMismatch}@1:6`,
    'when A exists { B exists } or C exists': `${DiagnosticCodes.invalidTopLevelDisjunction}@1:1`,
    'rule r {\n  A Exists\n}': `${DiagnosticCodes.unexpectedToken}@2:5`,
    'rule r { }': `${DiagnosticCodes.unexpectedToken}@1:10`,
    'rule r {\n  A exists\n': `${DiagnosticCodes.unexpectedToken}@3:1`,
  };
  it.each(Object.entries(cases))('%s', (text, expected) => {
    expect(diagnosticsOf(text).map(codeAndPosition)).toEqual([expected]);
  });

  it('names the operator a value is missing after', () => {
    expect(diagnosticsOf('rule r {\n  A ==\n}')[0]?.message).toBe('expected a value after `==`, found `}`');
  });

  it('explains the case-sensitivity of keywords', () => {
    expect(diagnosticsOf('rule r {\n  A Exists\n}')[0]?.message).toContain('keywords are case-sensitive');
  });

  it('explains why a rule reference is rejected', () => {
    expect(diagnosticsOf('rule r { base }')[0]?.message).toContain('must be followed by a line break');
    expect(diagnosticsOf('rule r {\n  A.* {\n    base\n  }\n}')[0]?.message).toContain('not allowed here');
  });
});

describe('error recovery', () => {
  it('reports an error in each broken rule, not only the first', () => {
    const text = 'rule a {\n  A ==\n}\nrule b {\n  B Exists\n}\nrule c { }\nlet d = 99999999999999999999\nrule e {\n  E == /x\\Z/\n}\n';
    expect(diagnosticsOf(text).map((d) => d.span.start.line)).toEqual([3, 5, 7, 8, 10]);
  });

  it('does not pile up errors that only follow from an earlier one on the same line', () => {
    expect(diagnosticsOf('A Exists\nB In [1]\nC Is_String').map((d) => d.span.start.line)).toEqual([1, 2, 3]);
  });

  it('reports nesting too deep for the stack as a diagnostic, not an exception', () => {
    const text = `rule r {\n${'A {\n'.repeat(5000)}B exists\n${'}\n'.repeat(5001)}`;
    expect(diagnosticsOf(text).map((d) => d.code)).toEqual([DiagnosticCodes.nestingTooDeep]);
  });

  it('keeps every diagnostic span inside the text, sorted', () => {
    const text = 'rule r {\n  A == [1, 2\n';
    const diagnostics = diagnosticsOf(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.span.start.offset).toBeLessThanOrEqual(text.length);
      expect(d.span.end.offset).toBeLessThanOrEqual(text.length);
      expect(d.span.start.offset).toBeLessThanOrEqual(d.span.end.offset);
    }
  });
});

describe('formatDiagnostic', () => {
  it('starts with FILE:LINE:COL and underlines the problem in a code frame', () => {
    const text = 'rule r {\n  Cfg.Mode Exists\n}\n';
    const [diagnostic] = diagnosticsOf(text);
    if (diagnostic === undefined) throw new Error('no diagnostic');
    const [header, source, caret] = formatDiagnostic(diagnostic, text).split('\n');
    expect(header?.startsWith('bad.guard:2:12: ')).toBe(true);
    expect(source).toContain('Cfg.Mode Exists');
    // The caret sits under the first character of `Exists`, one per character.
    expect(caret?.indexOf('^')).toBe(source?.indexOf('Exists'));
    expect(caret?.match(/\^/g)?.length).toBe('Exists'.length);
  });

  it('handles a diagnostic at the end of the file', () => {
    const text = 'rule r {\n  A exists\n';
    const [diagnostic] = diagnosticsOf(text);
    if (diagnostic === undefined) throw new Error('no diagnostic');
    expect(formatDiagnostic(diagnostic, text).split('\n')[0]).toMatch(/^bad\.guard:3:1: /);
  });
});
