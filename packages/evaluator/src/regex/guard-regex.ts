/**
 * Compiled Guard regexes. Patterns are parsed with fancy-regex's rules, translated to a
 * JavaScript RegExp of identical meaning, and cached by pattern text so each is compiled once.
 */
import { backtrackingRisk, linearEngineCanRun } from './backtracking-risk.js';
import { findVariableLengthLookBehind } from './look-behind-check.js';
import { type EngineMatch, type MatchEngine, Re2Engine, V8Engine } from './match-engines.js';
import { parseRustRegex } from './parse-rust-regex.js';
import type { ParsedRegex } from './syntax-tree.js';
import { toJavaScript } from './to-javascript.js';
import { toRe2 } from './to-re2.js';
import { enableRegExpModifiers } from './v8-regexp-features.js';

enableRegExpModifiers();

/** One match: `groups[0]` is the whole match, `groups[n]` the n-th group (undefined if it did not take part). */
export type RegexMatch = EngineMatch;

export class GuardRegex {
  constructor(
    /** The pattern as written in the rules (Rust syntax). */
    readonly pattern: string,
    private readonly parsed: ParsedRegex,
    private readonly engine: MatchEngine,
  ) {}

  /** `re2` for patterns that could make V8 backtrack catastrophically, else `v8`. */
  get engineName(): 'v8' | 're2' {
    return this.engine.name;
  }

  get groupCount(): number {
    return this.parsed.groupCount;
  }

  /** The index of a named group, if the pattern has one of that name. */
  groupIndex(name: string): number | undefined {
    return this.parsed.groupNames.get(name);
  }

  /** Unanchored search, like Rust's `is_match`. */
  test(text: string): boolean {
    return this.engine.test(text);
  }

  /**
   * Successive non-overlapping matches, as Rust's `captures_iter` yields them: an empty match
   * right where the previous match ended is skipped.
   */
  *matches(text: string): Generator<RegexMatch> {
    let searchFrom = 0;
    let previousEnd = -1;
    while (searchFrom <= text.length) {
      const found = this.engine.find(text, searchFrom);
      if (found === null) return;
      const { start, end } = found;
      if (start === end) {
        searchFrom = end + (end < text.length ? String.fromCodePoint(text.codePointAt(end) as number).length : 1);
        if (end === previousEnd) continue;
      } else {
        searchFrom = end;
      }
      previousEnd = end;
      yield found;
    }
  }
}

export type CompileRegexResult = { readonly ok: true; readonly regex: GuardRegex } | { readonly ok: false; readonly message: string };

const cache = new Map<string, CompileRegexResult>();

/** RE2 for patterns that V8 could take super-quadratic time on and RE2 can run; null otherwise. */
function linearEngineFor(parsed: ParsedRegex): MatchEngine | null {
  if (!backtrackingRisk(parsed.root) || !linearEngineCanRun(parsed.root)) return null;
  try {
    return new Re2Engine(toRe2(parsed.root), parsed.groupCount);
  } catch {
    // RE2 has limits of its own (program size); V8 then runs the pattern, as it would anyway.
    return null;
  }
}

type EngineChoice = 'automatic' | 'v8' | 're2';

function compileUncached(pattern: string, choice: EngineChoice = 'automatic'): CompileRegexResult {
  const parsed = parseRustRegex(pattern);
  if (!parsed.ok) return parsed;
  const lookBehindProblem = findVariableLengthLookBehind(parsed.regex.root);
  if (lookBehindProblem !== null) return { ok: false, message: lookBehindProblem };
  const translated = toJavaScript(parsed.regex);
  if (!translated.ok) return translated;
  try {
    const v8 = new V8Engine(translated.source, translated.flags, translated.groupMap);
    if (choice === 'v8') return { ok: true, regex: new GuardRegex(pattern, parsed.regex, v8) };
    if (choice === 're2') {
      if (!linearEngineCanRun(parsed.regex.root)) return { ok: false, message: 'RE2 cannot run this pattern' };
      return { ok: true, regex: new GuardRegex(pattern, parsed.regex, new Re2Engine(toRe2(parsed.regex.root), parsed.regex.groupCount)) };
    }
    return { ok: true, regex: new GuardRegex(pattern, parsed.regex, linearEngineFor(parsed.regex) ?? v8) };
  } catch (error) {
    // A translation JavaScript refuses is a gap in the translator; say so rather than guess.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `cannot be translated to a JavaScript regular expression: ${reason}` };
  }
}

/** Compiles a Guard (Rust-syntax) regex, or says why it does not compile. Results are cached. */
export function compileGuardRegex(pattern: string): CompileRegexResult {
  let result = cache.get(pattern);
  if (result === undefined) {
    result = compileUncached(pattern);
    cache.set(pattern, result);
  }
  return result;
}

/** Compiles for one given engine, bypassing the cache: lets tests hold both engines to one standard. */
export function compileGuardRegexOn(pattern: string, engine: 'v8' | 're2'): CompileRegexResult {
  return compileUncached(pattern, engine);
}
