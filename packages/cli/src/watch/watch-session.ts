/**
 * The state of `guardts watch`: compiled rules and loaded documents keyed by path, and the verdict
 * of every (rules file, document) pair. `filesChanged` re-reads only the files named (and those
 * that appeared), then re-evaluates only the pairs they are part of: a saved rules file against
 * the cached documents, a saved data file under the cached rules. A file that no longer parses
 * keeps its last good version. No file-system events here: the command feeds them in.
 */
import type { CompiledRules, GuardEngine, Outcome, RulesEvaluation } from '../engine/guard-engine.js';
import type { Status } from '../report/structured-report.js';
import { buildDataFile, type DataFile } from '../validate/data-files.js';
import type { DocumentExpander } from '../validate/run-validate.js';
import type { DataSource, WatchSources } from './watch-sources.js';

export type FileRole = 'rules' | 'data';

/** What happened to one file in a run. `failed`: it was read but does not parse (or cannot be read). */
export interface FileChange {
  readonly path: string;
  readonly role: FileRole;
  readonly what: 'added' | 'changed' | 'removed' | 'failed';
  /** For `failed`: the diagnostic (file:line:column where there is one). */
  readonly message?: string;
  /** For `failed`: whether an earlier good version is still in use. */
  readonly keptLastGood?: boolean;
}

/** One rules file evaluated against one document (a data file yields several with `--as`). */
export interface PairResult {
  readonly rulesPath: string;
  readonly rulesName: string;
  readonly dataPath: string;
  readonly dataFile: DataFile;
  readonly evaluation: Outcome<RulesEvaluation>;
}

/** The verdict over every cached pair, re-evaluated or not. */
export interface Overall {
  readonly status: Status;
  readonly counts: Readonly<Record<Status, number>>;
  /** Pairs whose evaluation itself failed (a runtime error, not a FAIL). */
  readonly evaluationErrors: number;
  readonly rulesFiles: number;
  readonly dataFiles: number;
  /** Files whose current text does not parse (their last good version, if any, is in use). */
  readonly brokenFiles: readonly string[];
}

export interface WatchRun {
  readonly changes: readonly FileChange[];
  /** The pairs evaluated in this run, in validate's order (rules files outside, documents inside). */
  readonly pairs: readonly PairResult[];
  readonly overall: Overall;
}

export interface WatchSessionOptions {
  readonly engine: GuardEngine;
  readonly sources: WatchSources;
  /** `--as <mode>`: one data file becomes several documents. */
  readonly expandDocuments?: DocumentExpander;
}

interface RulesEntry {
  readonly name: string;
  text: string | null;
  compiled: CompiledRules | null;
  broken: boolean;
}

interface DataEntry {
  readonly source: DataSource;
  text: string | null;
  documents: readonly DataFile[] | null;
  broken: boolean;
}

export class WatchSession {
  private readonly engine: GuardEngine;
  private readonly sources: WatchSources;
  private readonly expandDocuments: DocumentExpander | undefined;
  /** Insertion order is discovery order: rebuilt on every run. */
  private rules = new Map<string, RulesEntry>();
  private data = new Map<string, DataEntry>();
  /** rules path -> data path -> that pair's results. */
  private readonly results = new Map<string, Map<string, readonly PairResult[]>>();

  constructor(options: WatchSessionOptions) {
    this.engine = options.engine;
    this.sources = options.sources;
    this.expandDocuments = options.expandDocuments;
  }

  /** Loads and evaluates everything; fails (as validate would) when a given path does not exist. */
  start(): Outcome<WatchRun> {
    const rules = this.sources.rulesFiles();
    const data = this.sources.dataFiles();
    const missing = [...rules.missing, ...data.missing];
    if (missing.length > 0) return { ok: false, message: `The path \`${missing[0]}\` does not exist` };
    return { ok: true, value: this.update(new Set(), rules, data) };
  }

  /**
   * Re-reads the files named (paths as the file system reports them) plus any that appeared,
   * forgets those that disappeared, and re-evaluates the affected pairs. Null when nothing changed
   * (an editor's swap file, a save without changes, a second event for the same save).
   */
  filesChanged(paths: Iterable<string>): WatchRun | null {
    const run = this.update(new Set(paths));
    return run.changes.length === 0 ? null : run;
  }

  fileChanged(path: string): WatchRun | null {
    return this.filesChanged([path]);
  }

  /** Every file the session currently knows (what to re-read when an event does not name its file). */
  knownFiles(): { readonly rules: readonly string[]; readonly data: readonly string[] } {
    return { rules: [...this.rules.keys()], data: [...this.data.keys()] };
  }

  private update(touched: ReadonlySet<string>, rulesFound = this.sources.rulesFiles(), dataFound = this.sources.dataFiles()): WatchRun {
    const changes: FileChange[] = [];
    const rerunRules = new Set<string>();
    const rerunData = new Set<string>();

    const nextRules = new Map<string, RulesEntry>();
    for (const source of rulesFound.files) {
      if (nextRules.has(source.path)) continue;
      const known = this.rules.get(source.path);
      const entry = known ?? { name: source.name, text: null, compiled: null, broken: false };
      nextRules.set(source.path, entry);
      if (known !== undefined && !touched.has(source.path)) continue;
      const change = this.reloadRules(source.path, entry, known === undefined);
      if (change === null) continue;
      changes.push(change);
      if (change.what !== 'failed') rerunRules.add(source.path);
    }
    for (const path of this.rules.keys()) {
      if (nextRules.has(path)) continue;
      changes.push({ path, role: 'rules', what: 'removed' });
      this.results.delete(path);
    }
    this.rules = nextRules;

    const nextData = new Map<string, DataEntry>();
    for (const source of dataFound.files) {
      if (nextData.has(source.path)) continue;
      const known = this.data.get(source.path);
      const entry = known ?? { source, text: null, documents: null, broken: false };
      nextData.set(source.path, entry);
      if (known !== undefined && !touched.has(source.path)) continue;
      const change = this.reloadData(entry, known === undefined);
      if (change === null) continue;
      changes.push(change);
      if (change.what !== 'failed') rerunData.add(source.path);
    }
    for (const path of this.data.keys()) {
      if (nextData.has(path)) continue;
      changes.push({ path, role: 'data', what: 'removed' });
      for (const byData of this.results.values()) byData.delete(path);
    }
    this.data = nextData;

    const pairs: PairResult[] = [];
    for (const [rulesPath, rules] of this.rules) {
      for (const [dataPath, data] of this.data) {
        if (!rerunRules.has(rulesPath) && !rerunData.has(dataPath)) continue;
        const evaluated = this.evaluatePair(rulesPath, rules, dataPath, data);
        pairs.push(...evaluated);
      }
    }
    return { changes, pairs, overall: this.overall() };
  }

  /** Null when the text is what was already loaded. */
  private reloadRules(path: string, entry: RulesEntry, added: boolean): FileChange | null {
    const text = this.sources.read(path);
    if (text.ok && text.value === entry.text) return null;
    entry.text = text.ok ? text.value : null;
    const compiled = text.ok ? this.engine.compileRules(text.value, entry.name) : text;
    if (!compiled.ok) {
      entry.broken = true;
      return { path, role: 'rules', what: 'failed', message: compiled.message, keptLastGood: entry.compiled !== null };
    }
    entry.compiled = compiled.value;
    entry.broken = false;
    return { path, role: 'rules', what: added ? 'added' : 'changed' };
  }

  private reloadData(entry: DataEntry, added: boolean): FileChange | null {
    const { path, name } = entry.source;
    const text = this.sources.read(path);
    if (text.ok && text.value === entry.text) return null;
    entry.text = text.ok ? text.value : null;
    const built = text.ok ? buildDataFile(this.engine, text.value, name) : text;
    const documents = built.ok ? this.expand(built.value) : built;
    if (!documents.ok) {
      entry.broken = true;
      return { path, role: 'data', what: 'failed', message: documents.message, keptLastGood: entry.documents !== null };
    }
    entry.documents = documents.value;
    entry.broken = false;
    return { path, role: 'data', what: added ? 'added' : 'changed' };
  }

  private expand(file: DataFile): Outcome<readonly DataFile[]> {
    return this.expandDocuments === undefined ? { ok: true, value: [file] } : this.expandDocuments(file);
  }

  private evaluatePair(rulesPath: string, rules: RulesEntry, dataPath: string, data: DataEntry): readonly PairResult[] {
    let byData = this.results.get(rulesPath);
    if (byData === undefined) this.results.set(rulesPath, (byData = new Map()));
    // A rules file without any rule (comments only) reports nothing, as in validate.
    if (rules.compiled === null || rules.compiled.empty || data.documents === null) {
      byData.delete(dataPath);
      return [];
    }
    const compiled = rules.compiled;
    const results = data.documents.map((dataFile) => ({
      rulesPath,
      rulesName: rules.name,
      dataPath,
      dataFile,
      evaluation: this.engine.evaluate(compiled, dataFile.document, dataFile.name),
    }));
    byData.set(dataPath, results);
    return results;
  }

  private overall(): Overall {
    const counts: Record<Status, number> = { PASS: 0, FAIL: 0, SKIP: 0 };
    let evaluationErrors = 0;
    for (const byData of this.results.values()) {
      for (const results of byData.values()) {
        for (const { evaluation } of results) {
          if (evaluation.ok) counts[evaluation.value.status] += 1;
          else evaluationErrors += 1;
        }
      }
    }
    const brokenFiles = [...[...this.rules].filter(([, entry]) => entry.broken), ...[...this.data].filter(([, entry]) => entry.broken)].map(([path]) => path);
    const status: Status = counts.FAIL > 0 ? 'FAIL' : counts.PASS > 0 ? 'PASS' : 'SKIP';
    return { status, counts, evaluationErrors, rulesFiles: this.rules.size, dataFiles: this.data.size, brokenFiles };
  }
}
