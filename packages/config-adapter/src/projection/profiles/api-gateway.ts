import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';
import { configKey } from '../config-key.js';
import { jsonText } from '../value-transforms.js';

/**
 * CloudFormation's `MethodSettings` list -> API Gateway's map keyed `resourcePath/httpMethod`
 * without the leading slash (`*\/*` for `/*` and `*`), as GetStage reports it.
 */
function methodSettings(value: JsonValue): JsonValue | undefined {
  if (!Array.isArray(value)) return undefined;
  const settings: JsonObject = {};
  for (const entry of value) {
    if (!isJsonObject(entry)) continue;
    const path = String(entry['ResourcePath'] ?? '/*').replace(/^\//, '').replace(/~1/g, '/');
    const key = `${path}/${String(entry['HttpMethod'] ?? '*')}`;
    const setting: JsonObject = {};
    for (const [name, item] of Object.entries(entry)) {
      if (name !== 'ResourcePath' && name !== 'HttpMethod') setting[configKey(name)] = item;
    }
    settings[key] = setting;
  }
  return settings;
}

export const apiGatewayProfiles: readonly TypeProfile[] = [
  {
    type: 'AWS::ApiGateway::RestApi',
    nameProperty: 'Name',
    moves: [
      { from: '$.Policy', to: 'configuration.policy', transform: jsonText },
      { from: '$.ApiKeySourceType', to: 'configuration.apiKeySource' },
      // Import inputs: the item shows the API they create, not these.
      { from: '$.Body', to: null },
      { from: '$.BodyS3Location', to: null },
      { from: '$.CloneFrom', to: null },
      { from: '$.FailOnWarnings', to: null },
      { from: '$.Mode', to: null },
      { from: '$.Parameters', to: null },
    ],
    confirmed: ['DisableExecuteApiEndpoint', 'SecurityPolicy', 'EndpointAccessMode'],
  },
  {
    type: 'AWS::ApiGateway::Stage',
    nameProperty: 'StageName',
    moves: [
      { from: '$.AccessLogSetting', to: 'configuration.accessLogSettings' },
      { from: '$.CanarySetting', to: 'configuration.canarySettings' },
      { from: '$.MethodSettings', to: 'configuration.methodSettings', transform: methodSettings },
      { from: '$.Variables', to: 'configuration.variables', keys: 'preserve' },
    ],
    confirmed: ['RestApiId'],
  },
  { type: 'AWS::ApiGateway::Method', recordedByConfig: false, moves: [] },
];
