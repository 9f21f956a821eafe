/** cfn-guard's `cmp_str`: how the console report names an operator (`EQUAL`, `NOT EXISTS`, …). */
const WORDS: Readonly<Record<string, readonly [string, string]>> = {
  Exists: ['EXISTS', 'NOT EXISTS'],
  Empty: ['EMPTY', 'NOT EMPTY'],
  IsList: ['IS LIST', 'NOT LIST'],
  IsMap: ['IS STRUCT', 'NOT STRUCT'],
  IsString: ['IS STRING', 'NOT STRING'],
  IsFloat: ['IS FLOAT', 'NOT FLOAT'],
  IsNull: ['IS NULL', 'NOT NULL'],
  // The reference's own spelling.
  IsBool: ['IS BOOl', 'NOT BOOL'],
  IsInt: ['IS INT', 'NOT INT'],
  Eq: ['EQUAL', 'NOT EQUAL'],
  Le: ['LESS THAN EQUAL', 'NOT LESS THAN EQUAL'],
  Lt: ['LESS THAN', 'NOT LESS THAN'],
  Ge: ['GREATER THAN EQUAL', 'NOT GREATER THAN EQUAL'],
  Gt: ['GREATER THAN', 'NOT GREATER THAN'],
  In: ['IN', 'NOT IN'],
};

export function operatorWords([operator, negated]: readonly [string, boolean]): string {
  const words = WORDS[operator];
  return words === undefined ? operator : words[negated ? 1 : 0];
}

export const UNARY_OPERATORS: ReadonlySet<string> = new Set(['Exists', 'Empty', 'IsList', 'IsMap', 'IsString', 'IsFloat', 'IsNull', 'IsBool', 'IsInt']);
