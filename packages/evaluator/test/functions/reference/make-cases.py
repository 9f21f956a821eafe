# Generates the call list given to ask-reference.mjs (kept to re-record the table).
import json
DATA = """S:
  Greeting: "hello world"
  Arn: "arn:aws:s3:us-east-1:123456789012:bucket/x"
  Items: [a, b, c]
  Mixed: [a, 1]
  Empty: []
  Int: 3
  Neg: -1
  Flt: 1.9
  NegFlt: -2.7
  Big: 1e21
  Small: 0.0000001
  Whole: 100.0
  Bool: true
  NullV: null
  Word: "héllo"
  Sharp: "straße"
  Sigma: "ΑΣ"
  Enc: "a%20b%2Fc+d%zz%4%41%%41%"
  BadUtf8: "%FF%FE"
  Utf8: "%C3%A9t%C3%A9"
  IntStr: "42"
  PlusInt: "+7"
  SpaceInt: " 5"
  FltStr: "1e3"
  InfStr: "inf"
  NanStr: "NaN"
  DotStr: ".5"
  BoolStr: "TrUe"
  Digit: "7"
  Letter: "x"
  EmptyStr: ""
  Policy: '{"Effect": "Allow", "Action": ["s3:*"], "N": 1, "F": 1.5, "B": true, "Z": null}'
  YamlText: "a: 1\\nb: [x, True, 0x10, 012, ~, 1.5, -0, 0o17]"
  Multi: "a\\n---\\nb"
  Broken: "{a: ["
  Scalar: "5"
  Anchors: "a: &x {k: 1}\\nb: *x"
  Tagged: "r: !Ref X\\ng: !GetAtt a.b"
  Dup: "a: 1\\na: 2"
  NegZero: -0.0
  Huge: 1.5e300
  Tiny: 5e-324
  Third: 0.30000000000000004
  Ligature: "ﬁ"
  DottedI: "İ"
  Percents: "%E9%|%4|%"
  MaxInt: "9223372036854775807"
  OverInt: "9223372036854775808"
  MinInt: "-9223372036854775808"
  Underscore: "1_000"
  ExpOnly: "1e"
  InfWord: "Infinity"
  PlusDot: "+.5"
  Lists: [[a, b], {k: v}]
  CharText: "7"
"""
calls = [
  'count(S.Items[*])', 'count(S.Nope[*])', 'count(S.Items[ this == "zz" ])', 'count(S.*)', 'count([1,2,3])', 'count(S.Mixed[*])', 'count(S.Empty[*])',
  'to_upper(S.Greeting)', 'to_upper(S.Sharp)', 'to_lower(S.Sigma)', 'to_upper(S.Int)', 'to_lower(S.Items[*])', 'to_upper("ǆ")',
  'url_decode(S.Enc)', 'url_decode(S.BadUtf8)', 'url_decode(S.Utf8)', 'url_decode(S.Int)',
  'join(S.Items[*], ",")', 'join(S.Items[*], "")', 'join(S.Mixed[*], ",")', 'join(S.Items[*], 5)', 'join(S.Nope[*], ",")', 'join(S.Empty[*], ",")', 'join(S.Greeting, "-")',
  'substring(S.Arn, 0, 3)', 'substring(S.Arn, 5, 500)', 'substring(S.Arn, 3, 3)', 'substring(S.Arn, 4, 2)', 'substring(S.Word, 0, 3)', 'substring(S.Word, 0, 2)',
  'substring(S.Arn, -1, 3)', 'substring(S.Arn, 0, -1)', 'substring(S.Arn, 1.9, 3.9)', 'substring(S.EmptyStr, 0, 0)', 'substring(S.Arn, "a", 3)', 'substring(S.Items[*], 0, 1)', 'substring(S.Arn, 65537, 65539)',
  'regex_replace(S.Arn, "^arn:(\\w+):(\\w+):([\\w-]+):(\\d+):(.+)$", "${1}/${4}/${3}/${2}-${5}")',
  'regex_replace(S.Greeting, "o", "0")', 'regex_replace(S.Greeting, "zzz", "q")', 'regex_replace(S.Greeting, "x*", "-")', 'regex_replace("baaac", "a*", "<$0>")',
  'regex_replace(S.Greeting, "(?P<first>\\w+) (?P<second>\\w+)", "$second $first")', 'regex_replace(S.Greeting, "(\\w+)", "$1_x")', 'regex_replace(S.Greeting, "(\\w+)", "${1}_x")',
  'regex_replace(S.Greeting, "(\\w+)", "$$1")', 'regex_replace(S.Greeting, "(\\w+)", "$")', 'regex_replace(S.Greeting, "(\\w+)", "a$-b")', 'regex_replace(S.Greeting, "(\\w+)", "$9|")', 'regex_replace(S.Greeting, "(a)|(o)", "[$1$2]")',
  'regex_replace(S.Greeting, /o/, "0")', 'regex_replace(S.Greeting, "(", "0")', 'regex_replace(S.Int, "(", "0")', 'regex_replace(S.Greeting, "o", 5)', 'regex_replace(S.Items[*], "[ab]", "X")', 'regex_replace("é😀x", "", "|")', 'regex_replace(S.Greeting, "\\bw", "W")', 'regex_replace(S.Greeting, S.Items[*], "-")', 'regex_replace(S.Greeting, S.Items[ this == "zz" ], "-")',
  'regex_replace(S.Greeting, "(?i)O", "0")', 'regex_replace(S.Greeting, "l+", "L")', 'regex_replace(S.Greeting, "(?U)l+", "L")', 'regex_replace(S.Greeting, "(?<n>l)(?<n>o)", "$n")',
  'parse_int(S.IntStr)', 'parse_int(S.PlusInt)', 'parse_int(S.SpaceInt)', 'parse_int(S.Flt)', 'parse_int(S.NegFlt)', 'parse_int(S.Int)', 'parse_int(S.Bool)', 'parse_int(S.Greeting)', 'parse_int(parse_char(S.Digit))', 'parse_int(S.NullV)',
  'parse_float(S.FltStr)', 'parse_float(S.DotStr)', 'parse_float(S.Int)', 'parse_float(S.Greeting)', 'parse_float(parse_char(S.Digit))', 'parse_float(S.Bool)',
  'parse_boolean(S.BoolStr)', 'parse_boolean(S.Bool)', 'parse_boolean(S.Int)', 'parse_boolean(S.Greeting)', 'parse_boolean("FALSE")',
  'parse_string(S.Int)', 'parse_string(S.Flt)', 'parse_string(S.Whole)', 'parse_string(S.Big)', 'parse_string(S.Small)', 'parse_string(S.Bool)', 'parse_string(S.Items)', 'parse_string(S.NullV)', 'parse_string(parse_char(S.Digit))', 'parse_string(S.NegFlt)', 'parse_string(parse_float(S.InfStr))', 'parse_string(parse_float(S.NanStr))',
  'parse_char(S.Digit)', 'parse_char(S.Letter)', 'parse_char(S.Int)', 'parse_char(S.Neg)', 'parse_char(S.Word)', 'parse_char(S.EmptyStr)', 'parse_char(parse_char(S.Digit))', 'parse_char(S.Flt)', 'parse_char(12)',
  'json_parse(S.Policy)', 'json_parse(S.YamlText)', 'json_parse(S.Multi)', 'json_parse(S.Broken)', 'json_parse(S.Scalar)', 'json_parse(S.Anchors)', 'json_parse(S.Tagged)', 'json_parse(S.Dup)', 'json_parse(S.Int)', 'json_parse(S.EmptyStr)',
  'to_upper(join(S.Items[*], "-"))', 'count(to_upper(S.Items[*]))', 'join(S.Items[*], parse_char(S.Letter))', 'count(S.Lists[*])', 'json_parse(S.Lists[*])',
  'parse_string(S.NegZero)', 'parse_string(S.Huge)', 'parse_string(S.Tiny)', 'parse_string(S.Third)', 'to_upper(S.Ligature)', 'to_lower(S.DottedI)', 'url_decode(S.Percents)',
  'parse_int(S.MinInt)', 'parse_int(S.OverInt)', 'parse_float(S.Underscore)', 'parse_float(S.ExpOnly)', 'parse_string(parse_float(S.InfWord))', 'parse_float(S.PlusDot)',
  'parse_int(S.Huge)', 'parse_string(parse_int(S.Tiny))', 'substring(S.Greeting, 6, 11)', 'substring(S.Greeting, 0, 11)', 'substring(S.Greeting, 0, 12)', 'substring(S.Greeting, 11, 12)',
  'regex_replace(S.Greeting, "(?<w>o)", "${w}${w}")', 'regex_replace(S.Greeting, "o", "${")', 'regex_replace(S.Greeting, "o", "${x")', 'regex_replace(S.Greeting, "(o)", "$1$")', 'regex_replace(S.Greeting, "(?x) l  l", "_")',
  'regex_replace(S.Greeting, "(?:l)+", "$0")', 'regex_replace(S.Greeting, "(l)+", "$1")', 'regex_replace(S.Greeting, "\\Z", "x")', 'regex_replace(S.Greeting, "w|", "[$0]")', 'regex_replace(S.Sharp, "(?i)SS", "s")', 'now(S.Int)', 'parse_epoch("2024-01-01T00:00:00Z")', 'count(S.Items, S.Items)', 'to_upper(S.Greeting, "x")', 'nope(1)',
]
print(json.dumps([{"call": c, "data": DATA} for c in calls]))
