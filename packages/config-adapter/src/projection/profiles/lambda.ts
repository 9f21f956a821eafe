import type { JsonValue } from '../json.js';
import type { TypeProfile } from '../mapping-types.js';

/** `Layers: [arn]` -> `layers: [{ arn }]`, as Lambda's GetFunctionConfiguration reports them. */
const layerArns = (value: JsonValue): JsonValue => (Array.isArray(value) ? value.map((arn) => ({ arn })) : value);

export const lambdaProfiles: readonly TypeProfile[] = [
  {
    type: 'AWS::Lambda::Function',
    nameProperty: 'FunctionName',
    moves: [
      { from: '$.KmsKeyArn', to: 'configuration.kmskeyArn' },
      { from: '$.ReservedConcurrentExecutions', to: 'supplementaryConfiguration.Concurrency.reservedConcurrentExecutions' },
      { from: '$.Environment.Variables', to: 'configuration.environment.variables', keys: 'preserve' },
      { from: '$.ImageConfig', to: 'configuration.imageConfigResponse.imageConfig' },
      { from: '$.Layers', to: 'configuration.layers', transform: layerArns },
      // Deployment inputs; the item only has the results (codeSha256, codeSize).
      { from: '$.Code', to: null },
      { from: '$.CodeSigningConfigArn', to: null },
      { from: '$.PublishToLatestPublished', to: null },
    ],
    confirmed: ['Environment', 'LoggingConfig', 'SnapStart', 'EphemeralStorage', 'RuntimeManagementConfig'],
  },
  // Not recorded by Config; projected mechanically so Config-style rules can still address them.
  { type: 'AWS::Lambda::Permission', recordedByConfig: false, moves: [] },
  { type: 'AWS::Lambda::Url', recordedByConfig: false, moves: [] },
  { type: 'AWS::Lambda::EventSourceMapping', recordedByConfig: false, moves: [] },
];
