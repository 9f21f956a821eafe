/**
 * One probe-style case per lint warning: a rules file that shows the trap, the data it runs on,
 * and what cfn-guard 3.1.1 answers (recorded from `validate -z -o json -S none`; several rule
 * copies of one name are combined FAIL > PASS > SKIP). `trap-verdicts.test.ts` re-checks every
 * recorded answer against the binary; `lint-rules.test.ts` checks that the warning fires on
 * `rules` at `warnAt` and not on `fixed`.
 */
import type { LintCode } from '../../src/index.js';

export type Verdict = 'PASS' | 'FAIL' | 'SKIP';

export interface TrapRun {
  readonly data: string;
  /** cfn-guard 3.1.1's status per rule; empty when the run aborts. */
  readonly verdicts: Readonly<Record<string, Verdict>>;
  /** cfn-guard 3.1.1's exit code; null when it is killed by a signal. */
  readonly exitCode: number | null;
}

export interface TrapCase {
  readonly code: LintCode;
  readonly title: string;
  readonly rules: string;
  /** 1-based line (and column when it matters) of every warning of `code` expected in `rules`. */
  readonly warnAt: readonly { readonly line: number; readonly column?: number }[];
  readonly runs: readonly TrapRun[];
  /** The same intent written so that the warning does not apply, with its verdicts. */
  readonly fixed?: { readonly rules: string; readonly runs: readonly TrapRun[] };
}

const BUCKET_AND_LAMBDA = `Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
`;

export const TRAP_CASES: readonly TrapCase[] = [
  {
    code: 'ignored-not-before-comparison',
    title: '`not X == 5` is `X == 5`',
    rules: 'rule count_is_not_five {\n  not Obj.Count == 5\n}\n',
    warnAt: [{ line: 2 }],
    runs: [{ data: 'Obj:\n  Count: 5\n', verdicts: { count_is_not_five: 'PASS' }, exitCode: 0 }],
    fixed: { rules: 'rule count_is_not_five {\n  Obj.Count != 5\n}\n', runs: [{ data: 'Obj:\n  Count: 5\n', verdicts: { count_is_not_five: 'FAIL' }, exitCode: 19 }] },
  },
  {
    code: 'ignored-not-before-call',
    title: '`not check(x)` is `check(x)`',
    rules: 'rule type_is(t) {\n  Type == %t\n}\nrule not_nope {\n  not type_is("Nope")\n}\n',
    warnAt: [{ line: 5 }],
    runs: [{ data: 'Type: T\n', verdicts: { not_nope: 'FAIL' }, exitCode: 19 }],
    fixed: {
      rules: 'rule not_nope {\n  Type != "Nope"\n}\n',
      runs: [{ data: 'Type: T\n', verdicts: { not_nope: 'PASS' }, exitCode: 0 }],
    },
  },
  {
    code: 'unguarded-resource-selection',
    title: 'a filtered selection without `when` SKIPs on other resources but FAILs on `Resources: {}`',
    rules: "rule versioned {\n  Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.VersioningConfiguration exists\n}\n",
    warnAt: [{ line: 2, column: 3 }],
    runs: [
      { data: BUCKET_AND_LAMBDA, verdicts: { versioned: 'SKIP' }, exitCode: 0 },
      { data: 'Resources: {}\n', verdicts: { versioned: 'FAIL' }, exitCode: 19 },
    ],
    fixed: {
      rules: "let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]\nrule versioned when %buckets !empty {\n  %buckets.Properties.VersioningConfiguration exists\n}\n",
      runs: [
        { data: BUCKET_AND_LAMBDA, verdicts: { versioned: 'SKIP' }, exitCode: 0 },
        { data: 'Resources: {}\n', verdicts: { versioned: 'SKIP' }, exitCode: 0 },
      ],
    },
  },
  {
    code: 'not-exists-on-filter',
    title: '`<filter> not exists` is SKIP, not PASS, when nothing matches',
    rules: "rule no_buckets {\n  Resources.*[ Type == 'AWS::S3::Bucket' ] not exists\n}\n",
    warnAt: [{ line: 2 }],
    runs: [{ data: BUCKET_AND_LAMBDA, verdicts: { no_buckets: 'SKIP' }, exitCode: 0 }],
    fixed: { rules: "rule no_buckets {\n  Resources.*[ Type == 'AWS::S3::Bucket' ] empty\n}\n", runs: [{ data: BUCKET_AND_LAMBDA, verdicts: { no_buckets: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'empty-on-variable',
    title: '`%v empty` counts the values of `v`, it does not look inside them',
    rules: 'let items = Cfg.Items\nrule no_items {\n  %items empty\n}\n',
    warnAt: [{ line: 3, column: 3 }],
    runs: [{ data: 'Cfg:\n  Items: []\n', verdicts: { no_items: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule no_items {\n  Cfg.Items empty\n}\n', runs: [{ data: 'Cfg:\n  Items: []\n', verdicts: { no_items: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'when-never-holds',
    title: 'two ANDed conditions that exclude each other: the rule is always SKIP',
    rules: 'rule size_checked when Cfg.Mode == "a"\n  Cfg.Mode == "b" {\n  Cfg.Size == 1\n}\n',
    warnAt: [{ line: 2 }],
    runs: [{ data: 'Cfg:\n  Mode: a\n  Size: 2\n', verdicts: { size_checked: 'SKIP' }, exitCode: 0 }],
    fixed: {
      rules: 'rule size_checked when Cfg.Mode == "a" or Cfg.Mode == "b" {\n  Cfg.Size == 1\n}\n',
      runs: [{ data: 'Cfg:\n  Mode: a\n  Size: 2\n', verdicts: { size_checked: 'FAIL' }, exitCode: 19 }],
    },
  },
  {
    code: 'contradictory-clauses',
    title: 'two ANDed lines that exclude each other can never PASS',
    rules: 'rule mode_known {\n  Cfg.Mode == "a"\n  Cfg.Mode == "b"\n}\n',
    warnAt: [{ line: 3 }],
    runs: [{ data: 'Cfg:\n  Mode: a\n', verdicts: { mode_known: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule mode_known {\n  Cfg.Mode == "a" or Cfg.Mode == "b"\n}\n', runs: [{ data: 'Cfg:\n  Mode: a\n', verdicts: { mode_known: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'never-comparable',
    title: 'an int variable against a float literal FAILs, `!=` included',
    rules: 'let max_size = 5\nrule equal {\n  %max_size == 5.0\n}\nrule different {\n  %max_size != 5.0\n}\n',
    warnAt: [{ line: 3 }, { line: 6 }],
    runs: [{ data: 'A: 1\n', verdicts: { equal: 'FAIL', different: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'let max_size = 5\nrule equal {\n  %max_size == 5\n}\nrule different {\n  %max_size != 6\n}\n', runs: [{ data: 'A: 1\n', verdicts: { equal: 'PASS', different: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'never-comparable',
    title: '`count` is an int, `parse_char` a char: neither compares with a float or a string',
    rules: 'let n = count(Items[*])\nlet c = parse_char("7")\nrule two_items {\n  %n == 2.0\n}\nrule seven {\n  %c == "7"\n}\n',
    warnAt: [{ line: 4 }, { line: 7 }],
    runs: [{ data: 'Items: [a, b]\n', verdicts: { two_items: 'FAIL', seven: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'let n = count(Items[*])\nrule two_items {\n  %n == 2\n}\n', runs: [{ data: 'Items: [a, b]\n', verdicts: { two_items: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'unused-let',
    title: 'a `let` nothing reads',
    rules: "let buckets = Resources.*[ Type == 'AWS::S3::Bucket' ]\nrule a_is_one {\n  A == 1\n}\n",
    warnAt: [{ line: 1, column: 5 }],
    runs: [{ data: 'A: 1\n', verdicts: { a_is_one: 'PASS' }, exitCode: 0 }],
    fixed: { rules: 'rule a_is_one {\n  A == 1\n}\n', runs: [{ data: 'A: 1\n', verdicts: { a_is_one: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'let-redefined',
    title: 'the later `let` of one scope wins everywhere, even above it',
    rules: 'let limit = 1\nrule a_within_limit {\n  A == %limit\n}\nlet limit = 2\n',
    warnAt: [{ line: 5, column: 5 }],
    runs: [{ data: 'A: 1\n', verdicts: { a_within_limit: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'let limit = 1\nrule a_within_limit {\n  A == %limit\n}\nlet other_limit = 2\nrule b {\n  A != %other_limit\n}\n', runs: [{ data: 'A: 1\n', verdicts: { a_within_limit: 'PASS', b: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'unknown-variable',
    title: 'a misspelt variable aborts the run',
    rules: 'let limit = 1\nrule a_within_limit {\n  A == %limt\n}\n',
    warnAt: [{ line: 3, column: 8 }],
    runs: [{ data: 'A: 1\n', verdicts: {}, exitCode: 255 }],
    fixed: { rules: 'let limit = 1\nrule a_within_limit {\n  A == %limit\n}\n', runs: [{ data: 'A: 1\n', verdicts: { a_within_limit: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'unknown-variable',
    title: "a rule's `when` does not see the `let`s of its body",
    rules: 'rule checked when %mode == "on" {\n  let mode = "on"\n  A == 1\n}\n',
    warnAt: [{ line: 1, column: 19 }],
    runs: [{ data: 'A: 1\n', verdicts: {}, exitCode: 255 }],
    fixed: { rules: 'let mode = "on"\nrule checked when %mode == "on" {\n  A == 1\n}\n', runs: [{ data: 'A: 1\n', verdicts: { checked: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'duplicate-rule',
    title: 'two different rules under one name are both reported',
    rules: 'rule a_is_set {\n  A == 1\n}\nrule a_is_set {\n  A == 2\n}\n',
    warnAt: [{ line: 4, column: 6 }],
    runs: [{ data: 'A: 1\n', verdicts: { a_is_set: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule a_is_one {\n  A == 1\n}\nrule a_is_two {\n  A == 2\n}\n', runs: [{ data: 'A: 1\n', verdicts: { a_is_one: 'PASS', a_is_two: 'FAIL' }, exitCode: 19 }] },
  },
  {
    code: 'unknown-rule',
    title: 'a reference to a rule that does not exist aborts the run',
    rules: 'rule base {\n  A == 1\n}\nrule uses_base {\n  bsae\n}\n',
    warnAt: [{ line: 5, column: 3 }],
    runs: [{ data: 'A: 1\n', verdicts: {}, exitCode: 255 }],
    fixed: { rules: 'rule base {\n  A == 1\n}\nrule uses_base {\n  base\n}\n', runs: [{ data: 'A: 1\n', verdicts: { base: 'PASS', uses_base: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'unknown-rule',
    title: '`== trueish` is `== true` followed by a reference to a rule `ish`',
    rules: 'rule mode_set {\n  Cfg.Mode == trueish\n}\n',
    warnAt: [{ line: 2, column: 19 }],
    runs: [{ data: 'Cfg:\n  Mode: trueish\n', verdicts: {}, exitCode: 255 }],
    fixed: { rules: 'rule mode_set {\n  Cfg.Mode == "trueish"\n}\n', runs: [{ data: 'Cfg:\n  Mode: trueish\n', verdicts: { mode_set: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'parameterized-rule-arity',
    title: 'a call with the wrong number of arguments aborts the run',
    rules: 'rule type_is(t) {\n  Type == %t\n}\nrule typed {\n  type_is("A", "B")\n}\n',
    warnAt: [{ line: 5, column: 3 }],
    runs: [{ data: 'Type: A\n', verdicts: {}, exitCode: 255 }],
    fixed: { rules: 'rule type_is(t) {\n  Type == %t\n}\nrule typed {\n  type_is("A")\n}\n', runs: [{ data: 'Type: A\n', verdicts: { typed: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'recursive-rule',
    title: 'a rule that refers to itself crashes cfn-guard',
    rules: 'rule loops {\n  loops\n}\n',
    warnAt: [{ line: 2, column: 3 }],
    runs: [{ data: 'A: 1\n', verdicts: {}, exitCode: null }],
  },
  {
    code: 'reference-to-skipping-rule',
    title: 'a reference to a SKIPped rule FAILs the referring rule',
    rules:
      "rule buckets_versioned when Resources.*[ Type == 'AWS::S3::Bucket' ] !empty {\n  Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.VersioningConfiguration exists\n}\nrule all_good {\n  buckets_versioned\n}\n",
    warnAt: [{ line: 5, column: 3 }],
    runs: [{ data: BUCKET_AND_LAMBDA, verdicts: { buckets_versioned: 'SKIP', all_good: 'FAIL' }, exitCode: 19 }],
    fixed: {
      rules:
        "rule buckets_versioned when Resources.*[ Type == 'AWS::S3::Bucket' ] !empty {\n  Resources.*[ Type == 'AWS::S3::Bucket' ].Properties.VersioningConfiguration exists\n}\nrule all_good when buckets_versioned {\n  Resources exists\n}\n",
      runs: [{ data: BUCKET_AND_LAMBDA, verdicts: { buckets_versioned: 'SKIP', all_good: 'SKIP' }, exitCode: 0 }],
    },
  },
  {
    code: 'rule-reference-in-block',
    title: 'a named rule in a block still looks at the document root',
    rules: 'rule has_type {\n  Type == "T"\n}\nrule x_is_one {\n  Resources.* {\n    when has_type {\n      Properties.X == 1\n    }\n  }\n}\n',
    warnAt: [{ line: 6, column: 10 }],
    runs: [{ data: 'Resources:\n  R:\n    Type: T\n    Properties:\n      X: 2\n', verdicts: { has_type: 'FAIL', x_is_one: 'SKIP' }, exitCode: 19 }],
    fixed: {
      rules: 'rule has_type(resource) {\n  %resource.Type == "T"\n}\nrule x_is_one {\n  Resources.* {\n    when has_type(this) {\n      Properties.X == 1\n    }\n  }\n}\n',
      runs: [{ data: 'Resources:\n  R:\n    Type: T\n    Properties:\n      X: 2\n', verdicts: { x_is_one: 'FAIL' }, exitCode: 19 }],
    },
  },
  {
    code: 'regex-never-matches',
    title: '`$` followed by more text never matches',
    rules: 'rule named {\n  Name == /prod$-suffix/\n}\n',
    warnAt: [{ line: 2, column: 11 }],
    runs: [{ data: 'Name: prod-suffix\n', verdicts: { named: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule named {\n  Name == /prod-suffix$/\n}\n', runs: [{ data: 'Name: prod-suffix\n', verdicts: { named: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'in-string-is-substring',
    title: '`in "text"` is a substring test',
    rules: 'rule production {\n  App.Env in "production"\n}\n',
    warnAt: [{ line: 2, column: 14 }],
    runs: [{ data: 'App:\n  Env: prod\n', verdicts: { production: 'PASS' }, exitCode: 0 }],
    fixed: { rules: 'rule production {\n  App.Env in ["production"]\n}\n', runs: [{ data: 'App:\n  Env: prod\n', verdicts: { production: 'FAIL' }, exitCode: 19 }] },
  },
  {
    code: 'range-in-list',
    title: 'a range inside `in [...]` never matches',
    rules: 'rule sized {\n  Vol.Size in [r[1, 100]]\n}\n',
    warnAt: [{ line: 2, column: 16 }],
    runs: [{ data: 'Vol:\n  Size: 50\n', verdicts: { sized: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule sized {\n  Vol.Size in r[1, 100]\n}\n', runs: [{ data: 'Vol:\n  Size: 50\n', verdicts: { sized: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'equals-list-not-membership',
    title: '`== [a, b]` is not membership: a single value never equals a list',
    rules: 'rule known_protocol {\n  Cfg.Proto == ["tcp", "udp"]\n}\nrule other_protocol {\n  Cfg.Proto != ["icmp", "gre"]\n}\n',
    warnAt: [{ line: 2, column: 16 }, { line: 5, column: 16 }],
    runs: [{ data: 'Cfg:\n  Proto: tcp\n', verdicts: { known_protocol: 'FAIL', other_protocol: 'FAIL' }, exitCode: 19 }],
    fixed: {
      rules: 'rule known_protocol {\n  Cfg.Proto in ["tcp", "udp"]\n}\nrule other_protocol {\n  Cfg.Proto not in ["icmp", "gre"]\n}\n',
      runs: [{ data: 'Cfg:\n  Proto: tcp\n', verdicts: { known_protocol: 'PASS', other_protocol: 'PASS' }, exitCode: 0 }],
    },
  },
  {
    code: 'keyword-case-literal',
    title: '`TRUE` is a property name, not a boolean',
    rules: 'rule flag_on {\n  Cfg.Flag == TRUE\n}\n',
    warnAt: [{ line: 2, column: 15 }],
    runs: [{ data: 'Cfg:\n  Flag: true\n', verdicts: { flag_on: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule flag_on {\n  Cfg.Flag == true\n}\n', runs: [{ data: 'Cfg:\n  Flag: true\n', verdicts: { flag_on: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'query-not-equal-query',
    title: '`!=` between two queries FAILs even when the values differ',
    rules: 'rule a_differs_from_b {\n  A != B\n}\n',
    warnAt: [{ line: 2 }],
    runs: [{ data: 'A: 1\nB: 2\n', verdicts: { a_differs_from_b: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule a_differs_from_b {\n  A not in B\n}\n', runs: [{ data: 'A: 1\nB: 2\n', verdicts: { a_differs_from_b: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'filter-after-list-wildcard',
    title: 'a filter after `[*]` looks at the enclosing value',
    rules: 'rule env_is_prod {\n  Svc.Tags[*][ Key == "env" ].Value == "prod"\n}\n',
    warnAt: [{ line: 2, column: 14 }],
    runs: [{ data: 'Key: env\nSvc:\n  Tags:\n    - {Key: env, Value: prod}\n    - {Key: team, Value: core}\n', verdicts: { env_is_prod: 'FAIL' }, exitCode: 19 }],
    fixed: {
      rules: 'rule env_is_prod {\n  Svc.Tags[ Key == "env" ].Value == "prod"\n}\n',
      runs: [{ data: 'Key: env\nSvc:\n  Tags:\n    - {Key: env, Value: prod}\n    - {Key: team, Value: core}\n', verdicts: { env_is_prod: 'PASS' }, exitCode: 0 }],
    },
  },
  {
    code: 'negative-index',
    title: '`[-1]` is element 1, not the last',
    rules: 'rule last_is_30 {\n  Q.L[-1] == 30\n}\n',
    warnAt: [{ line: 2, column: 6 }],
    runs: [{ data: 'Q:\n  L: [10, 20, 30]\n', verdicts: { last_is_30: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule last_is_30 {\n  Q.L[2] == 30\n}\n', runs: [{ data: 'Q:\n  L: [10, 20, 30]\n', verdicts: { last_is_30: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'quoted-digit-key',
    title: '`."200"` is an index even when quoted',
    rules: 'rule ok_on_200 {\n  Codes."200" == "ok"\n}\n',
    warnAt: [{ line: 2, column: 8 }],
    runs: [{ data: 'Codes:\n  "200": ok\n', verdicts: { ok_on_200: 'FAIL' }, exitCode: 19 }],
    fixed: { rules: 'rule ok_on_200 {\n  Codes[ keys == "200" ] == "ok"\n}\n', runs: [{ data: 'Codes:\n  "200": ok\n', verdicts: { ok_on_200: 'PASS' }, exitCode: 0 }] },
  },
  {
    code: 'type-block-when-at-root',
    title: "a type block's `when` looks at the document root",
    rules: 'rule n_is_7 {\n  AWS::S3::Bucket when Properties.N exists {\n    Properties.N == 7\n  }\n}\n',
    warnAt: [{ line: 2, column: 24 }],
    runs: [{ data: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      N: 6\n', verdicts: { n_is_7: 'SKIP' }, exitCode: 0 }],
    fixed: {
      rules: 'rule n_is_7 {\n  AWS::S3::Bucket {\n    when Properties.N exists {\n      Properties.N == 7\n    }\n  }\n}\n',
      runs: [{ data: 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      N: 6\n', verdicts: { n_is_7: 'FAIL' }, exitCode: 19 }],
    },
  },
  {
    code: 'unknown-function',
    title: '`parse_epoch` does not exist in 3.1.1',
    rules: 'let updated = parse_epoch(Meta.UpdatedAt)\nrule recent {\n  %updated exists\n}\n',
    warnAt: [{ line: 1, column: 15 }],
    runs: [{ data: 'Meta:\n  UpdatedAt: "2024-01-01T00:00:00Z"\n', verdicts: {}, exitCode: 255 }],
  },
  {
    code: 'function-arity',
    title: 'a function called with the wrong number of arguments aborts the run',
    rules: 'let upper = to_upper(A, B)\nrule shouting {\n  %upper == "X"\n}\n',
    warnAt: [{ line: 1, column: 13 }],
    runs: [{ data: 'A: x\nB: y\n', verdicts: {}, exitCode: 255 }],
    fixed: { rules: 'let upper = to_upper(A)\nrule shouting {\n  %upper == "X"\n}\n', runs: [{ data: 'A: x\nB: y\n', verdicts: { shouting: 'PASS' }, exitCode: 0 }] },
  },
];
