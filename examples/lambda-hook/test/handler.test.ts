// The example hook fed the documented event shapes (events/*.json), source and bundle alike.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { HookResponse, LambdaHookEvent } from '@guardts/config-adapter';
import { handler } from '../src/handler.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const event = (name: string): LambdaHookEvent => JSON.parse(readFileSync(join(here, 'events', `${name}.json`), 'utf8'));
const seedTemplate = (mode: string) => ({
  Resources: {
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Handler: 'i.h', Runtime: 'nodejs22.x', Role: 'r', Code: {}, TracingConfig: { Mode: mode } } },
  },
});

/** Serves a payload the way S3 serves a presigned URL, on loopback. */
async function withPayloadServer<T>(payload: unknown, body: (url: string) => Promise<T>): Promise<T> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    return await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}/payload?X-Amz-Signature=abc`);
  } finally {
    server.close();
  }
}

describe('example Lambda hook', () => {
  it('blocks the seed PassThrough function (FAILED / NonCompliant)', async () => {
    const response = await handler(event('create-passthrough'));
    expect(response).toMatchObject({
      hookStatus: 'FAILED',
      errorCode: 'NonCompliant',
      clientRequestToken: '4b90a7e4-b790-456b-a937-0cfdfa211dfe',
      annotations: [{ annotationName: 'lambda_tracing_check', status: 'FAILED' }],
    });
    expect(response.message).toContain('/configuration/tracingConfig/mode is "PassThrough"');
  });

  it('lets the Active function through', async () => {
    expect((await handler(event('create-active'))).hookStatus).toBe('SUCCESS');
  });

  it('blocks an update that turns tracing to PassThrough', async () => {
    expect((await handler(event('update-to-passthrough'))).hookStatus).toBe('FAILED');
  });

  it('lets deletions through', async () => {
    expect((await handler(event('delete'))).hookStatus).toBe('SUCCESS');
  });

  it('reads a STACK payload from its URL and judges every function', async () => {
    const template = { Resources: { ...seedTemplate('Active').Resources, Other: seedTemplate('PassThrough').Resources.Fn } };
    const response = await withPayloadServer({ template, previousTemplate: {} }, (url) => {
      const stack = event('stack');
      return handler({ ...stack, requestData: { ...stack.requestData, payload: url } });
    });
    expect(response.hookStatus).toBe('FAILED');
    expect(response.message).toContain('Other');
  });

  it('reads a CHANGE_SET payload and judges the changed resources', async () => {
    const changedResources = [
      { action: 'UPDATE', logicalResourceId: 'Fn', resourceType: 'AWS::Lambda::Function', lineNumber: 5,
        beforeContext: JSON.stringify({ Properties: { TracingConfig: { Mode: 'PassThrough' } } }),
        afterContext: JSON.stringify({ Properties: { TracingConfig: { Mode: 'Active' }, MemorySize: '256' } }) },
    ];
    const response = await withPayloadServer({ template: seedTemplate('Active'), changedResources }, (url) => {
      const changeSet = event('change-set');
      return handler({ ...changeSet, requestData: { ...changeSet.requestData, payload: url } });
    });
    expect(response.hookStatus).toBe('SUCCESS');
  });
});

describe('example Lambda hook bundle', () => {
  it('builds with esbuild and answers like the source', async () => {
    const built = spawnSync(process.execPath, [join(here, '..', 'build.mjs')], { encoding: 'utf8' });
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const bundle = (await import(join(here, '..', 'dist', 'index.mjs'))) as { handler: (e: LambdaHookEvent) => Promise<HookResponse> };
    const [fromBundle, fromSource] = await Promise.all([bundle.handler(event('create-passthrough')), handler(event('create-passthrough'))]);
    expect(fromBundle).toEqual(fromSource);
  });
});
