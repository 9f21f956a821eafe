// SARIF 2.1.0 from `validate -z -o sarif`: the reference's tool, ids and messages, with the real
// region of each failing value and the rule's location as a related location.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../support/in-process.js';

const dir = mkdtempSync(join(tmpdir(), 'guardts-sarif-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'rules.guard'), ['rule passes { Resources exists }', '', 'rule encrypted {', '  Resources.*.Properties.Encrypted == true <<must be encrypted>>', '  Resources.*.Properties.KmsKeyId exists', '}', ''].join('\n'));
writeFileSync(join(dir, 'template.yaml'), ['Resources:', '  Vol:', '    Type: AWS::EC2::Volume', '    Properties:', '      Encrypted: false', ''].join('\n'));

interface SarifResult {
  ruleId: string;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
}

describe('SARIF output', () => {
  const result = runInProcess(['validate', '-r', 'rules.guard', '-d', 'template.yaml', '-z', '-o', 'sarif', '-S', 'none'], { cwd: dir });
  const sarif = JSON.parse(result.stdout) as { version: string; $schema: string; runs: { tool: { driver: { name: string } }; originalUriBaseIds: unknown; artifacts: { location: { uri: string } }[]; results: SarifResult[] }[] };
  const run = sarif.runs[0]!;
  const dataLocation = { uri: 'template.yaml', uriBaseId: '%SRCROOT%' };

  it('is a SARIF 2.1.0 log with one run, exit 19', () => {
    expect(result.status).toBe(19);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(run.tool.driver.name).toBe('cfn-guard');
    expect(run.artifacts).toEqual([{ location: dataLocation }]);
    expect(sarif.runs[0]!.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: `${pathToFileURL(dir).href}/` } });
  });

  it('locates a failed comparison at the failing value', () => {
    const comparison = run.results.find((entry) => entry.message.text.includes('must be encrypted'))!;
    expect(comparison.ruleId).toBe('ENCRYPTED');
    expect(comparison.level).toBe('error');
    expect(comparison.locations[0]!.physicalLocation).toEqual({ artifactLocation: dataLocation, region: { startLine: 5, startColumn: 18, endLine: 5, endColumn: 23 } });
  });

  it('locates a missing property at the value where traversal stopped', () => {
    const missing = run.results.find((entry) => entry.message.text.includes('KmsKeyId'))!;
    expect(missing.locations[0]!.physicalLocation.region.startLine).toBe(5);
    expect(missing.locations[0]!.physicalLocation.region.startColumn).toBe(7);
  });

  it('points at the rule in its rules file', () => {
    for (const entry of run.results) {
      expect(entry.relatedLocations?.[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'rules.guard', uriBaseId: '%SRCROOT%' });
      expect(entry.relatedLocations?.[0]?.physicalLocation.region.startLine).toBe(3);
    }
  });
});
