// The plain `process.env` swapped in while the yaml package reads a document: it keeps the
// package's debugging switches, and the real environment is back afterwards, even after a throw.
import { afterEach, describe, expect, it } from 'vitest';
import { withPlainProcessEnv } from '../../src/document/plain-process-env.js';
import { loadDocument } from '../../src/document/load-document.js';

const realEnv = process.env;

describe('withPlainProcessEnv', () => {
  afterEach(() => {
    process.env = realEnv;
    delete process.env.LOG_TOKENS;
  });

  it('swaps in a plain object with only the yaml switches, and restores the real env', () => {
    process.env.LOG_TOKENS = '';
    const seen = withPlainProcessEnv(() => ({ env: process.env, keys: Object.keys(process.env), path: process.env.PATH }));
    expect(seen.env).not.toBe(realEnv);
    expect(seen.keys).toEqual(['LOG_TOKENS']);
    expect(seen.path).toBeUndefined();
    expect(process.env).toBe(realEnv);
  });

  it('restores the real env when the body throws', () => {
    expect(() =>
      withPlainProcessEnv(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env).toBe(realEnv);
  });

  it('loading a YAML document leaves process.env as it was', () => {
    const loaded = loadDocument('Resources:\n  B: {Type: AWS::S3::Bucket}\n', { fileName: 't.yaml' });
    expect(loaded.ok).toBe(true);
    expect(process.env).toBe(realEnv);
  });
});
