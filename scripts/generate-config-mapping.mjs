#!/usr/bin/env node
// Generates the CloudFormation -> AWS Config item mapping facts by name matching.
//
// CloudFormation side: the normalised CloudFormation resource schemas of the pinned
// `@aws-cdk/aws-service-spec` package (db.json.gz). Config side: the searchable property paths of
// awslabs/aws-config-resource-schema (`config/properties/resource-types/*.properties.json`, read from
// /work/shared/config-schema or the directory given as the first argument).
//
// Output (checked in): packages/config-adapter/src/projection/generated/config-mapping.generated.ts,
// per type the moves that differ from the mechanical rule (`Prop.Sub` -> `configuration.prop.sub`) and
// the top-level properties confirmed or not found in Config's schema. Projection completes it by hand
// for the common types (src/projection/profiles/).
//
// Usage: node scripts/generate-config-mapping.mjs [config-schema-dir] [--check] [--coverage]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const adapterDir = join(repoRoot, 'packages', 'config-adapter');
const outputFile = join(adapterDir, 'src', 'projection', 'generated', 'config-mapping.generated.ts');

const args = process.argv.slice(2);
const schemaDir = resolve(args.find((a) => !a.startsWith('--')) ?? join(repoRoot, '..', 'shared', 'config-schema'));
const typesDir = join(schemaDir, 'config', 'properties', 'resource-types');
if (!existsSync(typesDir)) {
  process.stderr.write(`generate-config-mapping: no Config resource schema at ${typesDir}\n`);
  process.exit(2);
}

const specPackage = createRequire(join(adapterDir, 'package.json')).resolve('@aws-cdk/aws-service-spec/package.json');
const specVersion = JSON.parse(readFileSync(specPackage, 'utf8')).version;
const db = JSON.parse(gunzipSync(readFileSync(join(dirname(specPackage), 'db.json.gz'))).toString('utf8'));
const resources = new Map(db.schema.resource.entities.map((e) => [e.cloudFormationType, e]));
const typeDefinitions = new Map(db.schema.typeDefinition.entities.map((e) => [e.$id, e]));

/** Config's searchable paths that describe the CI envelope rather than the resource's properties. */
const CONFIG_PREFIXES = ['configuration.', 'supplementaryConfiguration.'];
const MAX_DEPTH = 7;

const normalise = (name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The key rule Config applies to most fields: lower-case the leading capital run (`SSEAlgorithm` -> `sseAlgorithm`). */
export function configKey(name) {
  const match = /^[A-Z]+/.exec(name);
  if (!match) return name;
  const run = match[0];
  if (run.length === name.length) return name.toLowerCase();
  if (run.length === 1) return name[0].toLowerCase() + name.slice(1);
  return run.slice(0, -1).toLowerCase() + name.slice(run.length - 1);
}

/** Every node of a resource's property tree: `{ segments: [{ name, array }], leaf }`. */
function cfnNodes(properties, prefix = [], depth = 0, seen = new Set()) {
  const nodes = [];
  for (const [name, property] of Object.entries(properties ?? {})) {
    let type = property.type;
    let array = false;
    if (type.type === 'array') {
      array = true;
      type = type.element;
    }
    const segment = { name, array: false };
    if (type.type === 'ref' && depth < MAX_DEPTH) {
      const definition = typeDefinitions.get(type.reference.$ref);
      const id = type.reference.$ref;
      const segments = [...prefix, { name, array }];
      nodes.push({ segments, leaf: false });
      if (definition && !seen.has(id)) {
        nodes.push(...cfnNodes(definition.properties, segments, depth + 1, new Set([...seen, id])));
      }
    } else {
      // Primitives, lists of primitives, tags, maps and free JSON are copied whole.
      nodes.push({ segments: [...prefix, segment], leaf: true, kind: type.type });
    }
  }
  return nodes;
}

const jsonPath = (segments) => '$' + segments.map((s) => `.${s.name}${s.array ? '[*]' : ''}`).join('');
/** Where the mechanical rule puts a node; newer Config types keep CloudFormation's names (`keys: 'preserve'`). */
const mechanical = (segments, keys = 'config') =>
  'configuration' + segments.map((s) => `.${keys === 'config' ? configKey(s.name) : s.name}${s.array ? '[*]' : ''}`).join('');

/** Config paths keyed by their normalised segments, with and without the `configuration.` / `supplementaryConfiguration.X.` heads. */
function configIndex(configPaths) {
  const exact = new Map();
  const supplementary = new Map();
  for (const path of configPaths) {
    if (path.startsWith('configuration.')) {
      exact.set(path.slice('configuration.'.length).split('.').map(normalise).join('.'), path);
    } else if (path.startsWith('supplementaryConfiguration.')) {
      const [, container, ...rest] = path.split('.');
      // `supplementaryConfiguration.BucketVersioningConfiguration.status` is matched by `VersioningConfiguration.Status`.
      supplementary.set([normalise(container), ...rest.map(normalise)].join('.'), path);
    }
  }
  return { exact, supplementary };
}

function matchNode(segments, index, typeWord) {
  const key = segments.map((s) => normalise(s.name)).join('.');
  const direct = index.exact.get(key);
  if (direct) return direct;
  const supplementary = index.supplementary.get(key) ?? index.supplementary.get(normalise(typeWord) + key);
  return supplementary;
}

/** Writes the matched Config path with `[*]` wherever the CloudFormation side is a list. */
function withArrays(configPath, segments) {
  const configSegments = configPath.split('.');
  const head = configSegments.length - segments.length;
  return configSegments
    .map((name, i) => (i >= head && segments[i - head].array ? `${name}[*]` : name))
    .join('.');
}

/**
 * Collapses leaf moves into the shortest source prefix under which the mechanical rule holds
 * (`$.LoggingConfiguration` -> `supplementaryConfiguration.BucketLoggingConfiguration` instead of
 * one move per leaf); projection applies the longest matching prefix, so the result is the same.
 */
function compactMoves(leafMoves, keys) {
  const forbidden = new Set();
  for (;;) {
    const chosen = new Map();
    const conflicts = new Set();
    for (const { segments, target } of leafMoves) {
      for (let k = 1; k <= segments.length; k++) {
        const from = jsonPath(segments.slice(0, k));
        if (forbidden.has(from) && k < segments.length) continue;
        const suffix = mechanical(segments.slice(k), keys).slice('configuration'.length);
        if (!target.endsWith(suffix)) continue;
        const to = target.slice(0, target.length - suffix.length);
        if (chosen.has(from) && chosen.get(from) !== to) conflicts.add(from);
        chosen.set(from, to);
        break;
      }
    }
    const fresh = [...conflicts].filter((c) => !forbidden.has(c));
    if (fresh.length === 0) {
      return [...chosen]
        .filter(([from, to]) => {
          const segments = from.slice(2).split('.').map((n) => ({ name: n.replace('[*]', ''), array: n.endsWith('[*]') }));
          return mechanical(segments, keys) !== to;
        })
        .sort(([a], [b]) => a.localeCompare(b));
    }
    fresh.forEach((c) => forbidden.add(c));
  }
}

const table = {};
const coverage = { types: 0, fullyMatched: 0, configTypes: 0, missingInSpec: [] };
for (const file of readdirSync(typesDir).filter((f) => f.endsWith('.properties.json')).sort()) {
  const type = file.slice(0, -'.properties.json'.length);
  coverage.configTypes++;
  const resource = resources.get(type);
  if (!resource) {
    coverage.missingInSpec.push(type);
    continue;
  }
  const configPaths = Object.keys(JSON.parse(readFileSync(join(typesDir, file), 'utf8'))).filter((p) =>
    CONFIG_PREFIXES.some((prefix) => p.startsWith(prefix)),
  );
  const hasTags = existsSync(join(typesDir, file)) && /"tags\.key"/.test(readFileSync(join(typesDir, file), 'utf8'));
  const index = configIndex(configPaths);
  const typeWord = type.split('::')[2] ?? '';
  const leafMoves = [];
  const matched = new Set();
  for (const node of cfnNodes(resource.properties)) {
    const top = node.segments[0].name;
    if (top === 'Tags' && node.segments.length === 1) {
      if (hasTags) matched.add(top);
      continue;
    }
    const found = matchNode(node.segments, index, typeWord);
    if (!found) continue;
    matched.add(top);
    const target = withArrays(found, node.segments);
    leafMoves.push({ segments: node.segments, target });
  }
  const all = Object.keys(resource.properties ?? {});
  const unmatched = all.filter((p) => !matched.has(p));
  coverage.types++;
  if (unmatched.length === 0) coverage.fullyMatched++;
  const votes = { config: 0, preserve: 0 };
  for (const { segments, target } of leafMoves) {
    if (target === mechanical(segments, 'config')) votes.config++;
    else if (target === mechanical(segments, 'preserve')) votes.preserve++;
  }
  const keys = votes.preserve > votes.config ? 'preserve' : 'config';
  const differing = leafMoves.filter(({ segments, target }) => target !== mechanical(segments, keys));
  // The name a user gives the resource (`FunctionName`): Config's resourceName / resourceId when set.
  const name = (resource.primaryIdentifier ?? []).find((id) => id in (resource.properties ?? {}));
  table[type] = { ...(keys === 'preserve' ? { keys } : {}), ...(name ? { name } : {}), moves: compactMoves(differing, keys), matched: all.filter((p) => matched.has(p)), unmatched };
}

const header = `// Generated by scripts/generate-config-mapping.mjs from @aws-cdk/aws-service-spec ${specVersion} and
// awslabs/aws-config-resource-schema. Do not edit; complete types by hand in ../profiles/.
import type { GeneratedMappingTable } from '../mapping-types.js';

`;
const body = `export const generatedConfigMapping: GeneratedMappingTable = ${JSON.stringify(table)};\n`;
const text = header + body;

if (args.includes('--check')) {
  const current = existsSync(outputFile) ? readFileSync(outputFile, 'utf8') : '';
  if (current !== text) {
    process.stderr.write(`generate-config-mapping: ${outputFile} is out of date; run the script\n`);
    process.exit(1);
  }
} else {
  writeFileSync(outputFile, text);
}

process.stdout.write(
  `Config types: ${coverage.configTypes}; with a CloudFormation schema: ${coverage.types}; ` +
    `every top-level property matched by name: ${coverage.fullyMatched}; ` +
    `not in the CloudFormation spec: ${coverage.missingInSpec.length}\n`,
);
