/**
 * Config's usual key rule (the Java bean names of the service SDKs): lower-case the leading capital
 * run, keeping the last capital when a lower-case letter follows (`SSEAlgorithm` -> `sseAlgorithm`,
 * `KMSMasterKeyID` -> `kmsMasterKeyID`, `TracingConfig` -> `tracingConfig`, `ARN` -> `arn`).
 * scripts/generate-config-mapping.mjs applies the same rule; keep them identical.
 */
export function configKey(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0];
  if (!run) return name;
  if (run.length === name.length) return name.toLowerCase();
  if (run.length === 1) return name[0]!.toLowerCase() + name.slice(1);
  return run.slice(0, -1).toLowerCase() + name.slice(run.length - 1);
}
