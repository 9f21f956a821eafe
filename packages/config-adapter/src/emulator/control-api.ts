/**
 * The test-only control API under `/__emulator/` (loopback like everything else): arm and clear
 * faults, read the request log, and see the document each rule of an evaluation was given.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorContext } from './emulator-context.js';
import { statusOf } from './evaluation-store.js';
import { parseFault, type Fault } from './faults.js';
import { readBody, send } from './http-wire.js';
import type { RequestLogEntry } from './server.js';

export async function control(request: IncomingMessage, response: ServerResponse, path: string, context: EmulatorContext, log: readonly RequestLogEntry[]): Promise<void> {
  const body = await readBody(request).catch(() => '');
  if (request.method === 'POST' && path === '/__emulator/faults') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(response, 400, { message: 'body must be JSON: {"faults": [...]}' });
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { faults?: unknown })?.faults;
    if (!Array.isArray(list)) return send(response, 400, { message: 'body must be {"faults": [...]}' });
    const faults = list.map(parseFault);
    const bad = faults.find((f) => typeof f === 'string');
    if (bad !== undefined) return send(response, 400, { message: bad });
    for (const fault of faults as Fault[]) context.faults.add(fault);
    return send(response, 200, { armed: faults.length });
  }
  if (request.method === 'DELETE' && path === '/__emulator/faults') {
    context.faults.clear();
    return send(response, 200, {});
  }
  if (request.method === 'GET' && path === '/__emulator/requests') return send(response, 200, { requests: log });
  const evaluation = /^\/__emulator\/evaluations\/([^/]+)$/.exec(path);
  if (request.method === 'GET' && evaluation !== null) {
    const record = context.evaluations.get(decodeURIComponent(evaluation[1]!));
    if (record === undefined) return send(response, 404, { message: 'no such evaluation' });
    const state = statusOf(record, context.completion, Date.now());
    return send(response, 200, {
      id: record.id,
      status: state.status,
      resourceDetails: record.resourceDetails,
      results: record.run?.ok ? record.run.results : [],
      failureReason: record.run !== undefined && !record.run.ok ? record.run.failureReason : undefined,
    });
  }
  return send(response, 404, { message: `unknown control path ${request.method} ${path}` });
}
