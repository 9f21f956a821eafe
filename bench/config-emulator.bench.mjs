// Round trips through the loopback Config emulator: StartResourceEvaluation, summary polls and
// details for one Lambda function, via the real SDK, with the reference engine and with a
// constant engine (which isolates the wire and the client from cfn-guard's process start-up).
// Usage: node bench/config-emulator.bench.mjs  (after `pnpm build`)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const adapter = await import(new URL('../packages/config-adapter/dist/index.js', import.meta.url).href);
const { startConfigEmulator, referenceEngine, evaluateRemotely, createConfigService } = adapter;

const RULE = 'rule lambda_tracing_check {\n  when configuration.tracingConfig exists {\n    configuration.tracingConfig.mode == "Active"\n  }\n}\n';
const constantEngine = { name: 'constant', evaluatePolicy: async (_t, _n, docs) => ({ ok: true, verdicts: docs.map(() => ({ status: 'FAIL', messages: ['x'] })) }) };
const binary = execFileSync(process.execPath, [`${root}/scripts/get-reference-binary.mjs`], { encoding: 'utf8' }).trim();

async function measure(engine, count) {
  const emulator = await startConfigEmulator({ engine, rules: [{ name: 'seed', policyText: RULE }], completeAfterPolls: 1, completeAfterMs: 0 });
  const service = await createConfigService({ endpoint: emulator.url, region: 'us-east-1', credentials: { accessKeyId: 'b', secretAccessKey: 'b' } });
  const latencies = [];
  const started = performance.now();
  try {
    for (let i = 0; i < count; i += 1) {
      const t = performance.now();
      const outcome = await evaluateRemotely(
        { logicalId: `Fn${i}`, resourceType: 'AWS::Lambda::Function', properties: { Runtime: 'python3.12', TracingConfig: { Mode: 'PassThrough' } } },
        { service, pollInitialMs: 1, pollMaxMs: 5 },
      );
      if (!outcome.ok) throw new Error(outcome.error.message);
      latencies.push(performance.now() - t);
    }
  } finally {
    service.destroy();
    await emulator.close();
  }
  const total = performance.now() - started;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(1);
  return `| ${engine.name} | ${count} | ${pct(50)} | ${pct(95)} | ${((count / total) * 1000).toFixed(0)} |`;
}

const rows = [await measure(constantEngine, 300), await measure(referenceEngine({ binary }), 100)];
console.log('Sequential remote evaluations of one resource against the loopback emulator (SDK over HTTP, 1 poll to completion).\n');
console.log('| engine | evaluations | median ms | p95 ms | evaluations/s |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) console.log(row);
