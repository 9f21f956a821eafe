/**
 * A value as cfn-guard's serde serialisation sees it, in the reports that carry values (`-o json`,
 * `-o yaml`, `-p`, the generic console report): JSON data where floats and ranges are marked
 * (serde-scalars.ts). Values without either are plain `valueToJson` data, built without recursion.
 */
import { valueText } from '../compile/display.js';
import type { Value } from '../values/value.js';
import { valueToJson } from '../values/value-to-json.js';
import { RangeText, RustFloat } from './serde-scalars.js';

/** Floats keep their kind (`5.0`); ranges are their display (`[1,10)`, `[a,z]`), not rules-file syntax. */
export function serdeJson(value: Value): unknown {
  if (!needsSerdeForm(value)) return valueToJson(value);
  switch (value.kind) {
    case 'float':
      return new RustFloat(value.value);
    case 'range':
      return new RangeText(valueText(value).replaceAll("'", ''));
    case 'list':
      return value.items.map(serdeJson);
    case 'map':
      return Object.fromEntries([...value.entries].map(([k, v]) => [k, serdeJson(v)]));
    default:
      return valueToJson(value);
  }
}

function needsSerdeForm(value: Value): boolean {
  switch (value.kind) {
    case 'float':
    case 'range':
      return true;
    case 'list':
      return value.items.some(needsSerdeForm);
    case 'map':
      for (const item of value.entries.values()) if (needsSerdeForm(item)) return true;
      return false;
    default:
      return false;
  }
}
