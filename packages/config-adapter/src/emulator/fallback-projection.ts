/**
 * A stand-in for the project's CloudFormation -> configuration item projection, used only when no
 * projector is passed: the mechanical mapping (keys camel-cased under `configuration`), which is
 * right for the seed's `TracingConfig.Mode` and wrong for every documented exception.
 */
function camelKey(key: string): string {
  const run = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(key);
  if (run !== null && run[0].length > 1) return run[0].toLowerCase() + key.slice(run[0].length);
  return key.charAt(0).toLowerCase() + key.slice(1);
}

function camelTree(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelTree);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [camelKey(k), camelTree(v)]));
  }
  return value;
}

export function mechanicalConfigItem(resourceType: string, logicalId: string, properties: unknown): unknown {
  return {
    version: '1.3',
    resourceType,
    resourceId: logicalId,
    resourceName: logicalId,
    configuration: camelTree(properties ?? {}),
    supplementaryConfiguration: {},
    tags: {},
  };
}
