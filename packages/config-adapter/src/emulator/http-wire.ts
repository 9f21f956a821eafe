/** HTTP plumbing of the emulator: bodies, headers, JSON 1.1 replies, the SigV4 scope check. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AwsError } from './aws-error.js';

export const JSON_11 = 'application/x-amz-json-1.1';
const MAX_BODY_BYTES = 1024 * 1024;

/** The signature is not verified, but its scope must name service `config` and the emulator's region. */
export function signatureProblem(authorization: string | undefined, region: string): AwsError | undefined {
  if (authorization === undefined) return new AwsError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(authorization);
  if (scope === null) return new AwsError('IncompleteSignatureException', 'Authorization header requires a Credential parameter');
  if (scope[2] !== 'config') return new AwsError('InvalidSignatureException', `Credential should be scoped to correct service: 'config'.`);
  if (scope[1] !== region) return new AwsError('InvalidSignatureException', `Credential should be scoped to a valid region, not '${scope[1]}'.`);
  return undefined;
}

export function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body larger than ${MAX_BODY_BYTES} bytes`));
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': JSON_11, 'content-length': Buffer.byteLength(text), 'x-amzn-requestid': randomUUID() });
  response.end(text);
}
