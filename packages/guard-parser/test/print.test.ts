// printRules (canonical Guard) and the cfn-guard report display of queries and clauses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { displayAccessClause, displayFloat, displayQuery, parseRules, printClause, printQuery, printRules, type AccessClause } from '../src/index.js';
import { describeShared } from '../../../test-support/shared-corpus.js';
import { firstClause, parseOk, withoutSpans } from './support/parse-helpers.js';

function accessClause(text: string): AccessClause {
  const clause = firstClause(text);
  if (clause.kind !== 'AccessClause') throw new Error(`expected an AccessClause, got ${clause.kind}`);
  return clause;
}

describe('printRules', () => {
  it('prints canonical text that parses back to the same AST', () => {
    const text = [
      'let allowed := ["a", "b"]',
      'rule r when %allowed !empty',
      '  other or not third <<why>>',
      '{',
      '  AWS::S3::Bucket Properties.X exists',
      '  Resources.*[ k | Type == "A" ].Properties[ keys in /x\\/y/ ] !empty { this > 1 }',
      '  when some Y[*] IN r(1, 5] { check(Y, 1.5, {a: null}) }',
      '}',
      'rule check(a, b) {',
      '  %a.%b == "it\\"s"',
      '}',
      'Top.Level == -3',
    ].join('\n');
    const ast = parseOk(text);
    const printed = printRules(ast);
    expect(withoutSpans(parseOk(printed))).toEqual(withoutSpans(ast));
  });

  it('prints queries and clauses in Guard syntax', () => {
    const clause = accessClause('not some %v.A."b c"[0][*].*[ X == 1 ][ keys == "k" ] != /r/ <<m>>');
    expect(printQuery(clause.query)).toBe('some %v.A."b c"[0][*].*[ X == 1 ][ keys == "k" ]');
    expect(printClause(clause)).toBe('not some %v.A."b c"[0][*].*[ X == 1 ][ keys == "k" ] != /r/ <<m>>');
  });

  it('prints an empty file as empty text', () => {
    expect(printRules(parseOk('# only a comment\n'))).toBe('');
  });
});

describeShared('printRules over the shared corpus', (shared) => {
  const files = readdirSync(join(shared, 'corpus'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.guard'));

  it('round-trips every accepted .guard file', () => {
    const failures: string[] = [];
    let accepted = 0;
    for (const name of files) {
      const { ast } = parseRules(readFileSync(join(shared, 'corpus', name), 'utf8'), { fileName: name });
      if (ast === null) continue;
      accepted++;
      const reparsed = parseRules(printRules(ast), { fileName: name });
      if (reparsed.ast === null || JSON.stringify(withoutSpans(reparsed.ast)) !== JSON.stringify(withoutSpans(ast))) failures.push(name);
    }
    expect(accepted).toBeGreaterThan(400);
    expect(failures).toEqual([]);
  });
});

describe('cfn-guard report display', () => {
  // Expected texts are copied from cfn-guard 3.1.1 outputs in the corpus (guard-resources/validate).
  it.each([
    ['%s3_bucket_public_read_prohibited.Properties.PublicAccessBlockConfiguration exists', ' %s3_bucket_public_read_prohibited[*].Properties.PublicAccessBlockConfiguration EXISTS  '],
    [
      '%s3.Properties.BucketEncryption.ServerSideEncryptionConfiguration[*].ServerSideEncryptionByDefault.SSEAlgorithm in ["aws:kms","AES256"]',
      ' %s3[*].Properties.BucketEncryption.ServerSideEncryptionConfiguration[*].ServerSideEncryptionByDefault.SSEAlgorithm IN  ["aws:kms","AES256"]',
    ],
    ['NotSecretAccessKey != /(?<![A-Za-z0-9\\\\/+=])[A-Za-z0-9\\\\/+=]{40}/', ' NotSecretAccessKey not EQUALS  "/(?<![A-Za-z0-9\\/+=])[A-Za-z0-9\\/+=]{40}/"'],
    ['%res == 3', ' %res EQUALS  3'],
    ['"a,b" == join(%collection, ",")', ' a,b EQUALS  join(%collection, ",")'],
    ['Type == "AWS::S3::Bucket"', ' Type EQUALS  "AWS::S3::Bucket"'],
    ['%s3 !empty', ' %s3 not EMPTY  '],
    ['Metadata.guard.SuppressedRules not exists', ' Metadata.guard.SuppressedRules not EXISTS  '],
  ])('%s', (rule, expected) => {
    expect(displayAccessClause(accessClause(rule))).toBe(expected);
  });

  it('shows filters, `this` and wildcards as cfn-guard does', () => {
    expect(displayQuery(accessClause('Resources.*[ Type == "A" ].Properties[*].X exists').query)).toBe('Resources.*. (filter-clauses).Properties[*].X');
    expect(displayQuery(accessClause('this.A[ k | keys == /x/ ] exists').query)).toBe('_.A.k (map-key-filter-clauses)');
  });

  it('prints floats like Rust, without exponents', () => {
    expect(displayFloat(150000)).toBe('150000');
    expect(displayFloat(1.5)).toBe('1.5');
    expect(displayFloat(1e21)).toBe('1000000000000000000000');
    expect(displayFloat(1.5e-7)).toBe('0.00000015');
  });
});
