/** Finds the data value a report path names (`/Resources/Fn/Properties/Mode`), for its span. */
import type { Value } from '@guardts/evaluator';

export function findValueByPath(root: Value, path: string): Value | null {
  let current: Value = root;
  for (;;) {
    if (current.path === path) return current;
    const children: readonly Value[] = current.kind === 'map' ? [...current.entries.values()] : current.kind === 'list' ? current.items : [];
    // Keys may contain '/', so descend by path prefix rather than by splitting the path.
    const next = children.find((child) => path === child.path || path.startsWith(`${child.path}/`));
    if (next === undefined) return null;
    current = next;
  }
}
