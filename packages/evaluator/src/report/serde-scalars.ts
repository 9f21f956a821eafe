/**
 * Values of a structured report that plain JSON data cannot tell apart from others, marked so that
 * writers can print them as cfn-guard does. cfn-guard serialises with serde, which keeps a float a
 * float (`5.0`, where a JavaScript number prints `5`) and writes a range as its display text
 * (`"[1,5]"`), while its console report shows that text unquoted (`[1,5]`, not a string).
 * `JSON.stringify` sees the plain number or text.
 */
export class RustFloat {
  constructor(readonly value: number) {}

  toJSON(): number {
    return this.value;
  }
}

export class RangeText {
  constructor(readonly text: string) {}

  toJSON(): string {
    return this.text;
  }
}
