import { describe, expect, it } from 'vitest';
import { colourEnabled, styler } from '../../src/reporters/colour.js';
import { renderJunit } from '../../src/reporters/junit-xml.js';
import { ReadCursor } from '../../src/reporters/read-cursor.js';
import { renderSummaryTable } from '../../src/reporters/summary-table.js';

describe('summary table', () => {
  const rules = [
    { name: 'dup', status: 'SKIP' as const },
    { name: 'long_rule_name', status: 'PASS' as const },
    { name: 'dup', status: 'FAIL' as const },
  ];
  it('lists a name that is both SKIP and FAIL only as FAIL, padded to the longest name + 4', () => {
    const text = renderSummaryTable({ dataName: 'STDIN', rulesFile: 'r.guard', status: 'FAIL', rules }, { pass: true, fail: true, skip: true }, styler(false));
    expect(text).toBe('STDIN Status = FAIL\nPASS rules\nr.guard/long_rule_name    PASS\nFAILED rules\nr.guard/dup               FAIL\n---\n');
  });
  it('prints nothing when no selected section has rules', () => {
    expect(renderSummaryTable({ dataName: 'STDIN', rulesFile: 'r.guard', status: 'PASS', rules: [rules[1]!] }, { pass: false, fail: true, skip: false }, styler(false))).toBe('');
  });
});

describe('colour', () => {
  it('is on for a terminal, off with NO_COLOR, forced by CLICOLOR_FORCE', () => {
    expect(colourEnabled({}, true)).toBe(true);
    expect(colourEnabled({ NO_COLOR: '1' }, true)).toBe(false);
    expect(colourEnabled({}, false)).toBe(false);
    expect(colourEnabled({ CLICOLOR_FORCE: '1' }, false)).toBe(true);
  });
});

describe('JUnit XML', () => {
  it('escapes text and attributes and ends with a newline', () => {
    const xml = renderJunit('r', [{ name: 'a"b', timeMs: 0, cases: [{ id: null, name: 'x', timeMs: 0, outcome: { kind: 'fail', failure: { message: 'm<', texts: ['1 < 2', ' & "q"'] } } }] }], 0);
    expect(xml).toContain('<testsuite name="a&quot;b" errors="0" failures="1" time="0">');
    expect(xml).toContain('<failure message="m&lt;">1 &lt; 2 &amp; &quot;q&quot;</failure>');
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });
});

describe('ReadCursor (code excerpts)', () => {
  it('seeks back into lines already read and forward into new ones', () => {
    const cursor = new ReadCursor('l1\nl2\r\nl3\nl4\n');
    expect(cursor.seekLine(3)).toEqual([3, 'l3']);
    expect(cursor.next()).toEqual([4, 'l4']);
    expect(cursor.next()).toBeUndefined();
    expect(cursor.seekLine(2)).toEqual([2, 'l2']);
    expect(cursor.next()).toEqual([3, 'l3']);
  });
});
