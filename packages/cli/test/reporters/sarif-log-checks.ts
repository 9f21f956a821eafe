// Checks one `validate -z -o sarif` log: valid against the official SARIF 2.1.0 schema (from the
// registry package @microsoft/jest-sarif, never a copy in the repository), within GitHub code
// scanning's constraints, and consistent with the `-z -o json` report of the same run.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
// The schema's formats (`uri`, `uri-reference`, `date-time`) are checked too, through ajv-formats.
// unicodeRegExp: false because the schema's `language` pattern is not valid as a `u` regex (a stray `]`).
// Both packages are CommonJS with `exports.default`: the class and the plugin are their `default`.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
ajvFormats.default(ajv);
export const validateSarifSchema = ajv.compile(schema);

export interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
}
export interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}
export interface PhysicalLocation {
  artifactLocation: ArtifactLocation;
  region: Region;
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; message: { text: string }; physicalLocation: PhysicalLocation }[];
  partialFingerprints: Record<string, string>;
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
}
export interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; semanticVersion: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: { location: ArtifactLocation }[];
    results: SarifResult[];
  }[];
}

/** GitHub code scanning's hard limits (docs.github.com, "SARIF results exceed one or more limits"). */
export const GITHUB_LIMITS = { runs: 20, resultsPerRun: 25_000, rulesPerRun: 25_000, locationsPerResult: 1_000, tagsPerRule: 20 };

/** The file an artifact location names, resolved against the run's base ids; null for `STDIN`-like names. */
export function artifactPath(log: SarifLog, location: ArtifactLocation): string | null {
  if (location.uriBaseId !== undefined) {
    const base = log.runs[0]!.originalUriBaseIds[location.uriBaseId]!.uri;
    return fileURLToPath(new URL(location.uri, base));
  }
  return location.uri.startsWith('file:') ? fileURLToPath(location.uri) : null;
}

/**
 * The text a region covers: lines end at CR LF, LF or a lone CR (SARIF §3.30.2), columns count code
 * points (the run's `columnKind`), the end is exclusive.
 */
export function regionText(fileText: string, region: Region): string {
  const lines = fileText.split(/\r\n|\n|\r/).map((line) => Array.from(line));
  const endLine = region.endLine ?? region.startLine;
  const endColumn = region.endColumn ?? region.startColumn;
  const pieces: string[] = [];
  for (let line = region.startLine; line <= endLine; line++) {
    const chars = lines[line - 1] ?? [];
    const from = line === region.startLine ? region.startColumn - 1 : 0;
    const to = line === endLine ? endColumn - 1 : chars.length;
    pieces.push(chars.slice(from, to).join(''));
  }
  return pieces.join('\n');
}

/** Problems with the log as GitHub code scanning would see them; empty when it would accept it. */
export function githubProblems(log: SarifLog, cwd: string): string[] {
  const problems: string[] = [];
  if (log.runs.length > GITHUB_LIMITS.runs) problems.push(`${log.runs.length} runs`);
  for (const run of log.runs) {
    if (run.tool.driver.name === '') problems.push('empty tool.driver.name');
    if (!/^\d+\.\d+\.\d+/.test(run.tool.driver.semanticVersion)) problems.push(`semanticVersion ${run.tool.driver.semanticVersion}`);
    if (run.results.length > GITHUB_LIMITS.resultsPerRun) problems.push(`${run.results.length} results`);
    if (run.tool.driver.rules.length > GITHUB_LIMITS.rulesPerRun) problems.push(`${run.tool.driver.rules.length} rules`);
    const root = run.originalUriBaseIds['%SRCROOT%']?.uri;
    if (root === undefined || !root.startsWith('file:') || !root.endsWith('/')) problems.push(`%SRCROOT% ${String(root)}`);
    const fingerprints = new Set<string>();
    for (const [index, result] of run.results.entries()) {
      const where = `result ${index} (${result.ruleId})`;
      if (!['error', 'warning', 'note', 'none'].includes(result.level)) problems.push(`${where}: level ${result.level}`);
      if (result.message.text.trim() === '') problems.push(`${where}: empty message`);
      if (run.tool.driver.rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${where}: ruleIndex ${result.ruleIndex} does not name ${result.ruleId}`);
      if (result.locations.length !== 1 || result.locations.length > GITHUB_LIMITS.locationsPerResult) problems.push(`${where}: ${result.locations.length} locations`);
      const fingerprint = Object.values(result.partialFingerprints ?? {})[0];
      if (fingerprint === undefined) problems.push(`${where}: no partialFingerprints`);
      else if (fingerprints.has(fingerprint)) problems.push(`${where}: duplicate fingerprint`);
      else fingerprints.add(fingerprint);
      for (const { physicalLocation } of [...result.locations, ...(result.relatedLocations ?? [])]) {
        const { artifactLocation, region } = physicalLocation;
        for (const field of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
          if (!(Number.isInteger(region[field]) && region[field]! >= 1)) problems.push(`${where}: region.${field} ${String(region[field])}`);
        }
        const path = artifactPath(log, artifactLocation);
        if (path === null) continue;
        if (!existsSync(path)) problems.push(`${where}: ${artifactLocation.uri} is no file`);
        if (artifactLocation.uriBaseId === undefined && path.startsWith(`${cwd}/`)) problems.push(`${where}: absolute URI for a file under the working directory`);
      }
      if ((result.relatedLocations ?? []).length !== 1) problems.push(`${where}: no related rule location`);
    }
  }
  return problems;
}
