/**
 * Which patterns go to the linear-time engine. V8 backtracks, so nested quantifiers such as
 * `^(a+)+$` take exponential time on a near-miss, and a few quantifiers in a row (`\s*\s*\s*x`)
 * polynomial time (times the length again for an unanchored search), while the Rust engine
 * cfn-guard uses is linear.
 * Node 22's own linear engine refuses the `u`/`v`/`i` flags every translation needs, hence a
 * second engine (re2js) for the risky patterns it can run: those without look-arounds,
 * back-references, atomic groups and word boundaries — exactly the patterns fancy-regex hands to
 * the linear Rust `regex` crate (the others run on fancy-regex's backtracking VM there too).
 */
import type { RegexNode } from './syntax-tree.js';

/** RE2 refuses counted repetitions above 1000. */
const RE2_MAX_REPEAT = 1000;

/** Whether the pattern can run on RE2 with the same meaning. */
export function linearEngineCanRun(node: RegexNode): boolean {
  switch (node.type) {
    case 'look':
    case 'backref':
    case 'atomic':
      return false;
    case 'assertion':
      return node.kind === 'start-text' || node.kind === 'end-text' || node.kind === 'start-line' || node.kind === 'end-line';
    case 'concat':
      return node.items.every(linearEngineCanRun);
    case 'alternation':
      return node.branches.every(linearEngineCanRun);
    case 'group':
      return linearEngineCanRun(node.child);
    case 'repeat':
      return node.min <= RE2_MAX_REPEAT && (node.max === Infinity || node.max <= RE2_MAX_REPEAT) && linearEngineCanRun(node.child);
    default:
      return true;
  }
}

/** Whether matching can take a variable path inside this node (a repetition of variable count or an alternation). */
function hasChoice(node: RegexNode): boolean {
  switch (node.type) {
    case 'repeat':
      return node.min !== node.max || hasChoice(node.child);
    case 'alternation':
      return true;
    case 'concat':
      return node.items.some(hasChoice);
    case 'group':
    case 'atomic':
    case 'look':
      return hasChoice(node.child);
    default:
      return false;
  }
}

/** A repeated sub-pattern that itself can match in several ways: the shape of exponential backtracking. */
export function hasNestedQuantifier(node: RegexNode): boolean {
  switch (node.type) {
    case 'repeat':
      return (node.max > 1 && hasChoice(node.child)) || hasNestedQuantifier(node.child);
    case 'concat':
      return node.items.some(hasNestedQuantifier);
    case 'alternation':
      return node.branches.some(hasNestedQuantifier);
    case 'group':
    case 'atomic':
    case 'look':
      return hasNestedQuantifier(node.child);
    default:
      return false;
  }
}

/** A repetition whose count varies widely: each one multiplies the paths a backtracker may try. */
const WIDE_REPEAT = 16;

function countWideRepeats(node: RegexNode): number {
  switch (node.type) {
    case 'repeat':
      return (node.max - node.min >= WIDE_REPEAT ? 1 : 0) + countWideRepeats(node.child);
    case 'concat':
      return node.items.reduce((sum, item) => sum + countWideRepeats(item), 0);
    case 'alternation':
      return node.branches.reduce((sum, branch) => sum + countWideRepeats(branch), 0);
    case 'group':
    case 'atomic':
    case 'look':
      return countWideRepeats(node.child);
    default:
      return 0;
  }
}

/**
 * Whether V8 could take more than about quadratic time: nested quantifiers, or two or more
 * wide repetitions. A single `.*` costs V8 at most quadratic time, which stays fast at the
 * sizes of configuration values, and V8 is several times faster than re2js otherwise.
 */
export function backtrackingRisk(node: RegexNode): boolean {
  return hasNestedQuantifier(node) || countWideRepeats(node) >= 2;
}
