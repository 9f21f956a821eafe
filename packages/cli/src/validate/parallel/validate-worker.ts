/**
 * The script of a `guardts validate --jobs N` worker thread: one share of the batch, its output
 * posted to the main thread. It is an entry point of the bundle (scripts/bundle.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateShare } from './evaluate-share.js';
import type { WorkerInput } from './segments.js';

if (parentPort !== null) await evaluateShare(workerData as WorkerInput, (message) => parentPort!.postMessage(message));
