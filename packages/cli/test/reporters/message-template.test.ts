// Placeholders in custom messages (upstream #579): which text they become, and that nothing else in
// a message changes.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeShared } from '../../../../test-support/shared-corpus.js';
import { evaluatorEngine } from '../../src/engine/evaluator-engine.js';
import { expandMessage, hasPlaceholders, messageFacts, type MessageFacts } from '../../src/reporters/message-template.js';
import { runValidateInProcess } from './run-validate.js';

const facts: MessageFacts = { value: 'false', path: '/Resources/Vol/Properties/Encrypted', resource: 'Vol', type: 'AWS::EC2::Volume', rule: 'encrypted' };

describe('expandMessage', () => {
  it('replaces each placeholder by its fact', () => {
    expect(expandMessage('{{resource}} ({{type}}): {{path}} is {{value}} [{{rule}}]', facts)).toBe('Vol (AWS::EC2::Volume): /Resources/Vol/Properties/Encrypted is false [encrypted]');
  });

  it('allows spaces inside the braces', () => {
    expect(expandMessage('{{ resource }}', facts)).toBe('Vol');
  });

  it('leaves an unknown fact as written', () => {
    expect(expandMessage('{{value}} at {{resource}}', { ...facts, resource: null })).toBe('false at {{resource}}');
  });

  it('leaves every other brace text as written, e.g. a dynamic reference', () => {
    for (const message of ['use {{resolve:ssm-secure:/db/password}}', '${AWS::Region}', '{value}', '{{Value}}', '{{ value', '{{%name}}']) {
      expect(hasPlaceholders(message)).toBe(false);
      expect(expandMessage(message, facts)).toBe(message);
    }
  });
});

describe('messageFacts', () => {
  const engine = evaluatorEngine();
  const load = (text: string) => {
    const loaded = engine.loadDocument(text, 'data.yaml');
    if (!loaded.ok) throw new Error(loaded.message);
    return loaded.value;
  };

  it('names the value, its path and the resource of a template', () => {
    const document = load('Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: a, Value: b}]\n      Name: logs\n');
    expect(messageFacts(document, '/Resources/Bucket/Properties/Name', 'r')).toEqual({ value: 'logs', path: '/Resources/Bucket/Properties/Name', resource: 'Bucket', type: 'AWS::S3::Bucket', rule: 'r' });
    expect(messageFacts(document, '/Resources/Bucket/Properties/Tags', 'r').value).toBe('[{"Key":"a","Value":"b"}]');
  });

  it('names the resource of a Config item by its resourceName, else its resourceId', () => {
    const item = load('resourceType: AWS::Lambda::Function\nresourceName: fn\nresourceId: id-1\nconfiguration:\n  tracingConfig: {mode: PassThrough}\n');
    expect(messageFacts(item, '/configuration/tracingConfig/mode', 'r')).toMatchObject({ value: 'PassThrough', resource: 'fn', type: 'AWS::Lambda::Function' });
    const unnamed = load('resourceType: AWS::Lambda::Function\nresourceId: id-1\n');
    expect(messageFacts(unnamed, '/resourceType', 'r').resource).toBe('id-1');
  });

  it('prefers the template resource a document was built from', () => {
    const item = load('resourceName: built\n');
    expect(messageFacts(item, '/resourceName', 'r', { logicalId: 'MyFunction', type: 'AWS::Lambda::Function' })).toMatchObject({ resource: 'MyFunction', type: 'AWS::Lambda::Function' });
  });

  it('knows no value for a check without one', () => {
    const document = load('Resources: {}\n');
    expect(messageFacts(document, null, 'r')).toEqual({ value: null, path: null, resource: null, type: null, rule: 'r' });
  });
});

describe('placeholders in the outputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guardts-messages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'rules.guard'), 'rule encrypted {\n  Resources.*.Properties.Encrypted == true <<{{resource}} ({{type}}) has Encrypted={{value}} at {{path}}>>\n}\n');
  writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Vol:\n    Type: AWS::EC2::Volume\n    Properties:\n      Encrypted: false\n');
  const run = (format: string) => runValidateInProcess(['-r', 'rules.guard', '-d', 'template.yaml', '-z', '-o', format, '-S', 'none'], { cwd: dir });

  it('are expanded in SARIF result messages, and kept as written in the rule descriptor', () => {
    const log = JSON.parse(run('sarif').stdout) as { runs: { tool: { driver: { rules: { fullDescription: { text: string } }[] } }; results: { message: { text: string } }[] }[] };
    expect(log.runs[0]!.results[0]!.message.text).toMatch(/ Vol \(AWS::EC2::Volume\) has Encrypted=false at \/Resources\/Vol\/Properties\/Encrypted$/);
    expect(log.runs[0]!.tool.driver.rules[0]!.fullDescription.text).toBe('{{resource}} ({{type}}) has Encrypted={{value}} at {{path}}');
  });

  it('name the failing value itself where it is no data value: a literal, a function result', () => {
    writeFileSync(join(dir, 'computed.guard'), "let one = 1\nlet types = join(Resources.*.Type, ',')\nrule literal { %one == 2 <<value={{value}}>> }\nrule joined { %types == 'x' <<value={{value}}>> }\n");
    const result = runValidateInProcess(['-r', 'computed.guard', '-d', 'template.yaml', '-z', '-o', 'sarif', '-S', 'none'], { cwd: dir });
    const texts = (JSON.parse(result.stdout) as { runs: { results: { message: { text: string } }[] }[] }).runs[0]!.results.map((entry) => entry.message.text.split(' value=')[1]);
    expect(texts).toEqual(['1', 'AWS::EC2::Volume']);
  });

  it('are printed as written in the reference-compatible formats', () => {
    for (const format of ['json', 'yaml', 'junit']) expect(run(format).stdout).toContain('{{resource}} ({{type}}) has Encrypted={{value}} at {{path}}');
  });

  it('are expanded there too with --expand-messages', () => {
    for (const format of ['json', 'yaml', 'junit', 'sarif']) {
      const result = runValidateInProcess(['-r', 'rules.guard', '-d', 'template.yaml', '-z', '-o', format, '-S', 'none', '--expand-messages'], { cwd: dir });
      expect(result.status).toBe(19);
      expect(result.stdout).toContain('Vol (AWS::EC2::Volume) has Encrypted=false at /Resources/Vol/Properties/Encrypted');
      expect(result.stdout).not.toContain('{{value}}');
    }
  });
});

describeShared('existing custom messages', (shared) => {
  it('contain no placeholder, so expansion changes none of them', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.guard')) files.push(join(dir, entry.name));
      }
    };
    walk(join(shared, 'corpus'));
    expect(files.length).toBeGreaterThan(300);
    const messages = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/<<([\s\S]*?)>>/g)].map((match) => match[1]!));
    expect(messages.length).toBeGreaterThan(500);
    expect(messages.filter(hasPlaceholders)).toEqual([]);
  });
});
