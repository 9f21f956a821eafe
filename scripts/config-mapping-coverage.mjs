#!/usr/bin/env node
// Coverage of the CloudFormation -> Config item projection: for how many types every top-level
// CloudFormation property has a Config counterpart (matched by name, placed by hand, or declared
// to have none). Reads the built @guardts/config-adapter (run `pnpm build` first) and the pinned
// CloudFormation schemas of @aws-cdk/aws-service-spec.
//
// Usage: node scripts/config-mapping-coverage.mjs [--list]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const adapterDir = join(repoRoot, 'packages', 'config-adapter');
const { generatedConfigMapping, handProfiles, typeMapping } = await import(join(adapterDir, 'dist', 'index.js'));

const specPackage = createRequire(join(adapterDir, 'package.json')).resolve('@aws-cdk/aws-service-spec/package.json');
const db = JSON.parse(gunzipSync(readFileSync(join(dirname(specPackage), 'db.json.gz'))).toString('utf8'));
const cfnProperties = new Map(db.schema.resource.entities.map((e) => [e.cloudFormationType, Object.keys(e.properties ?? {})]));

function missing(type) {
  const mapping = typeMapping(type);
  // Types Config does not record have no item to match: the mechanical shape is the decision.
  if (!mapping.recordedByConfig && mapping.source === 'hand') return [];
  const handled = new Set(mapping.confirmed);
  for (const move of mapping.moves) {
    const top = /^\$\.([A-Za-z0-9_]+)/.exec(move.from)?.[1];
    if (top) handled.add(top);
  }
  return (cfnProperties.get(type) ?? []).filter((property) => !handled.has(property));
}

const configTypes = Object.keys(generatedConfigMapping);
const byName = configTypes.filter((type) => generatedConfigMapping[type].unmatched.length === 0);
const complete = configTypes.filter((type) => missing(type).length === 0);
const hand = [...handProfiles.keys()].filter((type) => cfnProperties.has(type));
const handComplete = hand.filter((type) => missing(type).length === 0);

console.log('| measure | types |');
console.log('| --- | --- |');
console.log(`| Config types with a CloudFormation schema | ${configTypes.length} |`);
console.log(`| every top-level property mapped by name matching alone | ${byName.length} |`);
console.log(`| every top-level property mapped after hand completion | ${complete.length} |`);
console.log(`| hand-completed types (incl. ${hand.length - hand.filter((t) => configTypes.includes(t)).length} Config does not record) | ${hand.length} |`);
console.log(`| hand-completed types with every top-level property mapped | ${handComplete.length} |`);
console.log(`| partial (some top-level property placed by the mechanical rule only) | ${configTypes.length - complete.length} |`);

if (process.argv.includes('--list')) {
  console.log('\nHand-completed types still partial:');
  for (const type of hand) {
    const left = missing(type);
    if (left.length > 0) console.log(`- ${type}: ${left.join(', ')}`);
  }
}
