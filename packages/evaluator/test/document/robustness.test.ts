// Hostile and broken input: deep nesting, truncation, bad bytes. The loaders must answer with a
// document or a clean error value, never a stack overflow, a hang or an exception.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_DOCUMENT_DEPTH, decodeDocumentBytes, loadDocument, loadTestSpecDocument } from '../../src/index.js';
import { at, documentOf, errorOf, scalar } from './helpers.js';

const load = (text: string, maxDepth?: number) => loadDocument(text, maxDepth === undefined ? { fileName: 'deep' } : { fileName: 'deep', maxDepth });

const flowJson = (depth: number) => '{"V": ' + '['.repeat(depth) + ']'.repeat(depth) + '}';
const flowYaml = (depth: number) => 'V: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
const blockYaml = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n';

describe('deep nesting', () => {
  it.each([
    ['JSON', flowJson(100_000)],
    ['YAML flow', flowYaml(100_000)],
    ['YAML block', blockYaml(3_000)],
  ])('%s nested far past the bound is a clean too-deep error', (_name, text) => {
    const error = errorOf(load(text));
    expect(error.code).toBe('too-deep');
    expect(error.message).toContain(`more than ${DEFAULT_MAX_DOCUMENT_DEPTH} levels`);
    expect(error.span?.start.line).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['JSON', flowJson(DEFAULT_MAX_DOCUMENT_DEPTH - 1)],
    ['YAML flow', flowYaml(DEFAULT_MAX_DOCUMENT_DEPTH - 1)],
  ])('%s exactly at the bound loads, with the right path at the bottom', (_name, text) => {
    let value = at(documentOf(load(text)), 'V');
    let depth = 1;
    while (value.kind === 'list' && value.items.length > 0) {
      value = value.items[0]!;
      depth++;
    }
    expect(depth).toBe(DEFAULT_MAX_DOCUMENT_DEPTH - 1);
    expect(value.path).toBe('/V' + '/0'.repeat(DEFAULT_MAX_DOCUMENT_DEPTH - 2));
  });

  it('YAML block nesting at the bound loads', () => {
    const document = documentOf(load(blockYaml(DEFAULT_MAX_DOCUMENT_DEPTH)));
    let value = document;
    for (let i = 0; i < DEFAULT_MAX_DOCUMENT_DEPTH; i++) value = at(value, 'k');
    expect(scalar(value)).toBe('string:x');
  });

  it('honours a configured bound', () => {
    expect(errorOf(load(flowJson(5), 5)).code).toBe('too-deep');
    expect(documentOf(load(flowJson(4), 5)).kind).toBe('map');
    expect(errorOf(load(flowYaml(5), 5)).code).toBe('too-deep');
  });

  it('test specs: deep nesting is refused at serde_yaml\'s 128 levels', () => {
    const spec = (depth: number) => `- input:\n    V: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    expect(errorOf(loadTestSpecDocument(spec(100_000), { fileName: 't.yaml' })).code).toBe('too-deep');
    // cfn-guard 3.1.1: 125 brackets under `input: V:` pass, 126 are refused (128 containers in all).
    expect(documentOf(loadTestSpecDocument(spec(125), { fileName: 't.yaml' })).kind).toBe('list');
    expect(errorOf(loadTestSpecDocument(spec(126), { fileName: 't.yaml' })).code).toBe('too-deep');
  });
});

describe('truncated and broken files', () => {
  const template = 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: [{Key: a, Value: "b c"}]\n';
  const json = JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'a', Value: 'b c' }] } } } }, null, 2);

  it('every prefix of a JSON file gives a document or a clean error', () => {
    for (let end = 0; end < json.length; end++) {
      const result = load(json.slice(0, end));
      if (!result.ok) {
        expect(['syntax', 'empty']).toContain(result.error.code);
        expect(result.error.message.startsWith('deep')).toBe(true);
      }
    }
    // A cut inside an open bracket is never a document.
    expect(load(json.slice(0, json.length - 1)).ok).toBe(false);
  });

  it('every prefix of a YAML file gives a document or a clean error', () => {
    for (let end = 0; end < template.length; end++) {
      const result = load(template.slice(0, end));
      if (!result.ok) expect(['syntax', 'empty']).toContain(result.error.code);
    }
    expect(errorOf(load(template.slice(0, template.indexOf('"b c') + 3))).code).toBe('syntax');
  });
});

describe('bytes', () => {
  it('decodes UTF-8 and keeps a byte-order mark for the loaders to skip', () => {
    const decoded = decodeDocumentBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x56, 0x3a, 0x20, 0xc3, 0xa9]), 'd.yaml');
    if (!decoded.ok) expect.fail(decoded.error.message);
    expect(decoded.text).toBe('\uFEFFV: é');
    expect(scalar(at(documentOf(loadDocument(decoded.text, { fileName: 'd.yaml' })), 'V'))).toBe('string:é');
  });

  it('refuses invalid UTF-8 with the position of the first bad byte', () => {
    const decoded = decodeDocumentBytes(new Uint8Array([0x41, 0x3a, 0x20, 0x31, 0x0a, 0x56, 0x3a, 0x20, 0x61, 0xff, 0x62]), 'd.yaml');
    if (decoded.ok) expect.fail('decoded invalid UTF-8');
    expect(decoded.error.code).toBe('invalid-utf8');
    expect(decoded.error.message).toMatch(/^d\.yaml:2:5: /);
  });

  it('refuses overlong encodings and encoded surrogates', () => {
    expect(decodeDocumentBytes(new Uint8Array([0xc0, 0x80]), 'x').ok).toBe(false);
    expect(decodeDocumentBytes(new Uint8Array([0xed, 0xa0, 0x80]), 'x').ok).toBe(false);
  });
});
