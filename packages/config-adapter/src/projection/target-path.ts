import { isJsonObject, type JsonValue } from './json.js';

/** One step of a Config item path: a key, or a list index. */
export type PathStep = string | number;

/** `supplementaryConfiguration.X.rules[*].id` with the `[*]` filled in order from `indexes`. */
export function parseTargetPath(path: string, indexes: readonly number[] = []): PathStep[] {
  const steps: PathStep[] = [];
  let next = 0;
  for (const part of path.split('.')) {
    const match = /^([^[]*)((?:\[(?:\*|\d+)\])*)$/.exec(part);
    const name = match?.[1] ?? part;
    if (name !== '') steps.push(name);
    for (const bracket of (match?.[2] ?? '').match(/\[(\*|\d+)\]/g) ?? []) {
      const inner = bracket.slice(1, -1);
      steps.push(inner === '*' ? (indexes[next++] ?? 0) : Number(inner));
    }
  }
  return steps;
}

/**
 * Writes `value` at `steps` under `root`, creating maps and lists on the way (jsonpath-plus reads
 * paths but never creates them). An existing map at the target is merged into, so two moves may
 * fill the same container.
 */
export function setAtPath(root: Record<string, JsonValue>, steps: readonly PathStep[], value: JsonValue): void {
  if (steps.length === 0) return;
  let container: JsonValue = root;
  for (let i = 0; i < steps.length - 1; i++) {
    const step = steps[i]!;
    const nextIsIndex = typeof steps[i + 1] === 'number';
    const holder = container as Record<string | number, JsonValue>;
    let child: JsonValue | undefined = holder[step];
    if (child === undefined || child === null || typeof child !== 'object' || Array.isArray(child) !== nextIsIndex) {
      child = nextIsIndex ? [] : {};
      holder[step] = child;
    }
    container = child;
  }
  const last = steps[steps.length - 1]!;
  const holder = container as Record<string | number, JsonValue>;
  const existing = holder[last];
  if (isJsonObject(existing) && isJsonObject(value)) Object.assign(existing, value);
  else holder[last] = value;
  if (Array.isArray(container)) fillHoles(container);
}

/** Sparse lists would serialise as `null` holes only after JSON.stringify; make them explicit now. */
function fillHoles(list: JsonValue[]): void {
  for (let i = 0; i < list.length; i++) if (!(i in list)) list[i] = null;
}
