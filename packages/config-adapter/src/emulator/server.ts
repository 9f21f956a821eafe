/**
 * The loopback AWS Config endpoint: node:http on 127.0.0.1 only, AWS JSON 1.1 (`POST /`,
 * `X-Amz-Target: StarlingDoveService.<Operation>`), `__type` errors, plus a test-only control
 * API under `/__emulator/` (faults, request log, the documents each rule saw).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { AwsError } from './aws-error.js';
import { control } from './control-api.js';
import { defaultProjector } from './default-projector.js';
import type { ConfigItemProjector, DocumentShape } from './document-shape.js';
import type { EmptyDetailsPages, EmulatorContext } from './emulator-context.js';
import type { GuardEngine } from './engines/guard-engine.js';
import { EvaluationStore } from './evaluation-store.js';
import { FaultPlan, type Fault } from './faults.js';
import { headerOf, JSON_11, readBody, send, signatureProblem } from './http-wire.js';
import { OPERATIONS } from './operations/index.js';
import { RuleStore } from './rule-store.js';
import { DOCUMENTED_PROACTIVE_TYPES } from './supported-types.js';

const TARGET_PREFIX = 'StarlingDoveService.';

export interface EmulatorRule {
  readonly name: string;
  readonly policyText: string;
  /** Scope; absent: the emulator's `scope`, else every type. */
  readonly resourceTypes?: readonly string[];
}

export interface ConfigEmulatorOptions {
  readonly engine: GuardEngine;
  /** 0 (default): an ephemeral port. The host is always 127.0.0.1. */
  readonly port?: number;
  readonly rules?: readonly EmulatorRule[];
  /** Scope of rules that declare none (from `rules` or PutConfigRule without Scope). */
  readonly scope?: readonly string[];
  readonly document?: DocumentShape;
  readonly projector?: ConfigItemProjector;
  readonly supportedTypes?: readonly string[] | 'any';
  readonly region?: string;
  /** Check the SigV4 credential scope names service `config` and this region. Default true. */
  readonly checkSignature?: boolean;
  readonly completeAfterPolls?: number;
  readonly completeAfterMs?: number;
  readonly detailsPageSize?: number;
  readonly emptyDetailsPages?: EmptyDetailsPages;
  readonly clientTokenLength?: { readonly min: number; readonly max: number };
}

export interface RequestLogEntry {
  readonly operation: string;
  readonly status: number;
  readonly errorCode?: string;
  readonly fault?: Fault['kind'];
}

export interface ConfigEmulator {
  readonly url: string;
  readonly port: number;
  injectFault(fault: Fault): void;
  clearFaults(): void;
  /** Every request answered (or dropped), in order. */
  readonly requests: readonly RequestLogEntry[];
  putRule(rule: EmulatorRule): void;
  close(): Promise<void>;
}

export async function startConfigEmulator(options: ConfigEmulatorOptions): Promise<ConfigEmulator> {
  const region = options.region ?? 'us-east-1';
  const context: EmulatorContext = {
    region,
    rules: new RuleStore(region),
    evaluations: new EvaluationStore(),
    faults: new FaultPlan(),
    engine: options.engine,
    documentShape: options.document ?? 'config-item',
    projector: options.projector ?? defaultProjector,
    defaultScope: options.scope ?? [],
    supportedTypes: options.supportedTypes ?? DOCUMENTED_PROACTIVE_TYPES,
    completion: { completeAfterPolls: options.completeAfterPolls ?? 2, completeAfterMs: options.completeAfterMs ?? 200 },
    detailsPageSize: options.detailsPageSize ?? 100,
    emptyDetailsPages: options.emptyDetailsPages ?? 'none',
    clientTokenLength: options.clientTokenLength ?? { min: 64, max: 256 },
    pendingRuns: new Set(),
  };
  const putRule = (rule: EmulatorRule): void => {
    const resourceTypes = rule.resourceTypes ?? context.defaultScope;
    context.rules.put({
      name: rule.name,
      policyText: rule.policyText,
      resourceTypes,
      evaluationModes: ['DETECTIVE', 'PROACTIVE'],
      source: {
        Owner: 'CUSTOM_POLICY',
        SourceDetails: [{ EventSource: 'aws.config', MessageType: 'ConfigurationItemChangeNotification' }],
        CustomPolicyDetails: { PolicyRuntime: 'guard-2.x.x', PolicyText: rule.policyText },
      },
    });
  };
  for (const rule of options.rules ?? []) putRule(rule);

  const requests: RequestLogEntry[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    void handle(request, response, context, options, requests, region).catch((error: unknown) => {
      // A bug in a handler still gets an AWS-shaped 500, never a hang.
      if (!response.headersSent) send(response, 500, { __type: 'InternalFailure', message: error instanceof Error ? error.message : String(error) });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  // The SDK's NodeHttpHandler is given the loopback address directly; `localhost` may resolve to ::1.
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    injectFault: (fault) => context.faults.add(fault),
    clearFaults: () => context.faults.clear(),
    requests,
    putRule,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      await Promise.allSettled([...context.pendingRuns]);
    },
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  context: EmulatorContext,
  options: ConfigEmulatorOptions,
  log: RequestLogEntry[],
  region: string,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  if (path.startsWith('/__emulator/')) return control(request, response, path, context, log);
  const target = headerOf(request, 'x-amz-target');
  const operation = target?.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : (target ?? '');
  const reply = (status: number, body: unknown, extra: Partial<RequestLogEntry> = {}): void => {
    log.push({ operation, status, ...extra });
    send(response, status, body);
  };

  let body: string;
  try {
    body = await readBody(request);
  } catch (error) {
    return reply(413, { __type: 'SerializationException', message: error instanceof Error ? error.message : 'request body too large' }, { errorCode: 'SerializationException' });
  }
  if (request.method !== 'POST' || path !== '/') {
    return reply(404, { __type: 'UnknownOperationException', message: `${request.method} ${path} is not an operation` }, { errorCode: 'UnknownOperationException' });
  }
  const handler = target?.startsWith(TARGET_PREFIX) ? OPERATIONS[operation] : undefined;
  if (handler === undefined) {
    return reply(400, { __type: 'UnknownOperationException', message: `Unknown operation ${target ?? '(no X-Amz-Target)'}` }, { errorCode: 'UnknownOperationException' });
  }

  const delay = context.faults.take(operation, ['delay']);
  if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay.delayMs ?? 1000));
  const injected = context.faults.take(operation, ['throttle', 'internal-error', 'unavailable', 'drop-connection', 'malformed']);
  if (injected !== undefined && !(injected.kind === 'drop-connection' && injected.afterProcessing)) {
    switch (injected.kind) {
      case 'throttle':
        return reply(400, { __type: 'ThrottlingException', message: 'Rate exceeded' }, { errorCode: 'ThrottlingException', fault: 'throttle' });
      case 'internal-error':
        return reply(500, { __type: 'InternalFailure', message: 'An internal error occurred (injected)' }, { errorCode: 'InternalFailure', fault: 'internal-error' });
      case 'unavailable':
        return reply(503, { __type: 'ServiceUnavailable', message: 'Service unavailable (injected)' }, { errorCode: 'ServiceUnavailable', fault: 'unavailable' });
      case 'malformed':
        log.push({ operation, status: 200, fault: 'malformed' });
        response.writeHead(200, { 'content-type': JSON_11, 'x-amzn-requestid': randomUUID() });
        response.end(injected.body ?? '{"ResourceEvaluationId": "truncat');
        return;
      case 'drop-connection':
        log.push({ operation, status: 0, fault: 'drop-connection' });
        request.socket.destroy();
        return;
    }
  }

  if (options.checkSignature !== false) {
    const problem = signatureProblem(headerOf(request, 'authorization'), region);
    if (problem !== undefined) return reply(problem.httpStatus, { __type: problem.code, message: problem.message }, { errorCode: problem.code });
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return reply(400, { __type: 'SerializationException', message: 'The request body is not valid JSON' }, { errorCode: 'SerializationException' });
  }
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return reply(400, { __type: 'SerializationException', message: 'The request body must be a JSON object' }, { errorCode: 'SerializationException' });
  }
  let output: Record<string, unknown>;
  try {
    output = await handler(input as Record<string, unknown>, context);
  } catch (error) {
    if (error instanceof AwsError) return reply(error.httpStatus, { __type: error.code, message: error.message }, { errorCode: error.code });
    throw error;
  }
  if (injected?.kind === 'drop-connection') {
    // Processed, but the answer is lost: the client must retry with the same ClientToken.
    log.push({ operation, status: 0, fault: 'drop-connection' });
    request.socket.destroy();
    return;
  }
  reply(200, output);
}
