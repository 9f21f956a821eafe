import { loadDocument, type Value } from '@guardts/evaluator';
import { describe, expect, it } from 'vitest';
import { captureIo } from '../../src/io.js';
import { findValueByPath } from '../../src/report/locate-value.js';
import { bufferStdout } from '../../src/validate/buffered-output.js';

function load(text: string): Value {
  const loaded = loadDocument(text, { fileName: 'doc.yaml' });
  if (!loaded.ok) throw new Error('fixture does not load');
  return loaded.document;
}

/** Every path of the document, depth first. */
function allValues(value: Value, into: Value[] = []): Value[] {
  into.push(value);
  if (value.kind === 'map') for (const child of value.entries.values()) allValues(child, into);
  if (value.kind === 'list') for (const child of value.items) allValues(child, into);
  return into;
}

describe('findValueByPath', () => {
  const document = load(
    [
      'Resources:',
      '  a/b:',
      '    Type: T1',
      '    Properties: { Key: [x, { Deep: 1 }] }',
      '  a:',
      '    b: { Type: T2 }',
      '    c: [1, 2, 3]',
      '  "a/b/c": plain',
      '',
    ].join('\n'),
  );

  it('finds every value of a document by its own path (keys with "/" included)', () => {
    const plain = load(['Resources:', '  "x/y":', '    Type: T1', '    Properties: { Key: [x, { Deep: 1 }] }', '  z: { Type: T2, List: [1, [2, 3]] }', ''].join('\n'));
    const values = allValues(plain);
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) expect(findValueByPath(plain, value.path)).toBe(value);
  });

  it('keeps document order when several keys (one containing "/") could lead to the path', () => {
    // `/Resources/a/b/Type` could be reached through key "a/b" or through "a" then "b": the first
    // key in document order wins, as the scan of every child did.
    const found = findValueByPath(document, '/Resources/a/b/Type');
    expect(found?.kind === 'string' ? found.value : null).toBe('T1');
  });

  it('answers null for a path that names nothing', () => {
    expect(findValueByPath(document, '/Resources/a/c/7')).toBeNull();
    expect(findValueByPath(document, '/Nothing')).toBeNull();
  });

  it('stays fast on a map of 20,000 entries (one lookup per failure used to scan them all)', () => {
    const lines = ['Resources:'];
    for (let i = 0; i < 20_000; i++) lines.push(`  B${i}:`, '    Type: AWS::S3::Bucket');
    const big = load(`${lines.join('\n')}\n`);
    const resources = big.kind === 'map' ? big.entries.get('Resources') : undefined;
    const last = resources?.kind === 'map' ? resources.entries.get('B19999') : undefined;
    expect(last).toBeDefined();
    // Counts the children looked at instead of timing: a scan would visit ~20,000 per lookup.
    let visited = 0;
    const counting = new Proxy(resources!.kind === 'map' ? resources!.entries : new Map(), {
      get(target, key) {
        if (key === 'values') visited += target.size;
        const member = Reflect.get(target, key, target) as unknown;
        return typeof member === 'function' ? (member as (...args: unknown[]) => unknown).bind(target) : member;
      },
    });
    const probe: Value = { ...(resources as Extract<Value, { kind: 'map' }>), entries: counting };
    expect(findValueByPath(probe, '/Resources/B19999/Type')).toBe(last!.kind === 'map' ? last!.entries.get('Type') : null);
    expect(visited).toBe(0);
  });
});

describe('bufferStdout', () => {
  it('writes stdout in order, flushing it before anything reaches stderr', () => {
    const events: string[] = [];
    const base = { ...captureIo(), stdout: { write: (text: string) => void events.push(`out:${text}`) }, stderr: { write: (text: string) => void events.push(`err:${text}`) } };
    const buffered = bufferStdout(base);
    buffered.io.stdout.write('a');
    buffered.io.stdout.write('');
    buffered.io.stdout.write('b');
    expect(events).toEqual([]);
    buffered.io.stderr.write('oops');
    buffered.io.stdout.write('c');
    buffered.flush();
    buffered.flush();
    expect(events).toEqual(['out:ab', 'err:oops', 'out:c']);
  });

  it('leaves a terminal unbuffered', () => {
    const events: string[] = [];
    const base = { ...captureIo(), stdout: { write: (text: string) => void events.push(text), isTTY: true } };
    bufferStdout(base).io.stdout.write('now');
    expect(events).toEqual(['now']);
  });
});
