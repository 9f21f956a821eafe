/**
 * fancy-regex only accepts look-behinds it can implement by stepping back a fixed number of
 * characters: the body must have a constant length, or be an alternation of constant-length
 * branches. JavaScript accepts any look-behind, so the restriction is checked here to reject
 * exactly the patterns the reference rejects.
 */
import type { RegexNode } from './syntax-tree.js';

interface SizeInfo {
  readonly minSize: number;
  readonly constant: boolean;
}

/** fancy-regex's `analyze`: sizes counted in characters. */
function sizeOf(node: RegexNode): SizeInfo {
  switch (node.type) {
    case 'empty':
    case 'assertion':
    case 'look':
    case 'backref':
      return { minSize: 0, constant: node.type !== 'backref' };
    case 'any':
    case 'literal':
    case 'class':
      return { minSize: 1, constant: true };
    case 'concat': {
      let minSize = 0;
      let constant = true;
      for (const item of node.items) {
        const info = sizeOf(item);
        minSize += info.minSize;
        constant &&= info.constant;
      }
      return { minSize, constant };
    }
    case 'alternation': {
      const infos = node.branches.map(sizeOf);
      const first = infos[0] as SizeInfo;
      let minSize = first.minSize;
      let constant = first.constant;
      for (const info of infos.slice(1)) {
        constant &&= info.constant && info.minSize === minSize;
        minSize = Math.min(minSize, info.minSize);
      }
      return { minSize, constant };
    }
    case 'group':
    case 'atomic':
      return sizeOf(node.child);
    case 'repeat': {
      const info = sizeOf(node.child);
      return { minSize: info.minSize * node.min, constant: info.constant && node.min === node.max };
    }
  }
}

function lookBehindAccepted(body: RegexNode): boolean {
  if (sizeOf(body).constant) return true;
  return body.type === 'alternation' && body.branches.every((branch) => sizeOf(branch).constant);
}

/** The first problem found, or null. */
export function findVariableLengthLookBehind(node: RegexNode): string | null {
  switch (node.type) {
    case 'look':
      if (node.direction === 'behind' && !lookBehindAccepted(node.child)) {
        return 'look-behind bodies must have a constant length (fancy-regex rejects this pattern)';
      }
      return findVariableLengthLookBehind(node.child);
    case 'concat':
      return firstProblem(node.items);
    case 'alternation':
      return firstProblem(node.branches);
    case 'group':
    case 'repeat':
    case 'atomic':
      return findVariableLengthLookBehind(node.child);
    default:
      return null;
  }
}

function firstProblem(nodes: readonly RegexNode[]): string | null {
  for (const node of nodes) {
    const problem = findVariableLengthLookBehind(node);
    if (problem !== null) return problem;
  }
  return null;
}
