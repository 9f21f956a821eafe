/** Finds the data value a report path names (`/Resources/Fn/Properties/Mode`), for its span. */
import type { Value } from '@guardts/evaluator';

export function findValueByPath(root: Value, path: string): Value | null {
  let current: Value = root;
  for (;;) {
    if (current.path === path) return current;
    // A report prints one excerpt per failure, so a scan of every sibling per lookup made big
    // failing batches quadratic (20,000 failing resources: 90 s); look the child up by key instead.
    const next = childByKey(current, path) ?? childByScan(current, path);
    if (next === undefined) return null;
    current = next;
  }
}

const leadsTo = (child: Value, path: string): boolean => path === child.path || path.startsWith(`${child.path}/`);

/** The first child, in document order, whose path is `path` or a prefix of it. */
function childByScan(current: Value, path: string): Value | undefined {
  const children: readonly Value[] = current.kind === 'map' ? [...current.entries.values()] : current.kind === 'list' ? current.items : [];
  // Keys may contain '/', so descend by path prefix rather than by splitting the path.
  return children.find((child) => leadsTo(child, path));
}

/**
 * The child named by the next segment(s) of `path`, when exactly one candidate key matches
 * (keys may contain '/', so every '/'-boundary is a candidate); undefined leaves the choice to
 * the scan, which keeps document order when several keys would match.
 */
function childByKey(current: Value, path: string): Value | undefined {
  const base = `${current.path}/`;
  if (!path.startsWith(base)) return undefined;
  const rest = path.slice(base.length);
  if (current.kind === 'list') {
    const segment = rest.split('/', 1)[0]!;
    const item = /^\d+$/.test(segment) ? current.items[Number(segment)] : undefined;
    return item !== undefined && leadsTo(item, path) ? item : undefined;
  }
  if (current.kind !== 'map') return undefined;
  let found: Value | undefined;
  for (let end = rest.indexOf('/'); ; end = rest.indexOf('/', end + 1)) {
    const child = current.entries.get(end === -1 ? rest : rest.slice(0, end));
    if (child !== undefined && leadsTo(child, path)) {
      if (found !== undefined) return undefined;
      found = child;
    }
    if (end === -1) return found;
  }
}
