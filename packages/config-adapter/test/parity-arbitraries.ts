// fast-check arbitraries for the parity suite: CloudFormation resources shaped after their
// registry schemas (property names, nesting, enums, ranges), and Guard policies written against
// the configuration item those resources project to.
import fc from 'fast-check';
import { defaultProjector } from '../src/emulator/default-projector.js';

type Path = readonly string[];

interface PropertySpec {
  readonly path: Path;
  readonly value: fc.Arbitrary<unknown>;
  /** Values a rule compares the property with: some that occur, some that never do. */
  readonly literals: readonly unknown[];
}

const arn = (service: string, resource: string) => `arn:aws:${service}:us-east-1:123456789012:${resource}`;
const kmsKey = fc.constantFrom(arn('kms', 'key/1234abcd-12ab-34cd-56ef-1234567890ab'), 'alias/aws/sqs', 'alias/custom');
const tags = fc.array(fc.record({ Key: fc.constantFrom('env', 'team', 'cost-center'), Value: fc.constantFrom('prod', 'dev', 'platform') }), { maxLength: 3 });
const tagLiterals = ['prod', 'env'];

export const RESOURCE_SPECS: Readonly<Record<string, readonly PropertySpec[]>> = {
  'AWS::Lambda::Function': [
    { path: ['Runtime'], value: fc.constantFrom('python3.12', 'nodejs20.x', 'java21', 'provided.al2023'), literals: ['python3.12', 'nodejs20.x', 'go1.x'] },
    { path: ['Handler'], value: fc.constantFrom('index.handler', 'app.main'), literals: ['index.handler'] },
    { path: ['MemorySize'], value: fc.integer({ min: 128, max: 10240 }), literals: [128, 1024, 10240] },
    { path: ['Timeout'], value: fc.integer({ min: 1, max: 900 }), literals: [3, 30, 900] },
    { path: ['TracingConfig', 'Mode'], value: fc.constantFrom('Active', 'PassThrough'), literals: ['Active', 'PassThrough'] },
    { path: ['Architectures'], value: fc.subarray(['x86_64', 'arm64'], { minLength: 1 }), literals: ['arm64', 'x86_64'] },
    { path: ['ReservedConcurrentExecutions'], value: fc.integer({ min: 0, max: 1000 }), literals: [0, 100] },
    { path: ['KmsKeyArn'], value: kmsKey, literals: ['alias/custom'] },
    { path: ['VpcConfig', 'SubnetIds'], value: fc.array(fc.constantFrom('subnet-1', 'subnet-2', 'subnet-3'), { maxLength: 3 }), literals: ['subnet-1'] },
    { path: ['VpcConfig', 'SecurityGroupIds'], value: fc.array(fc.constantFrom('sg-1', 'sg-2'), { maxLength: 2 }), literals: ['sg-1'] },
    { path: ['Environment', 'Variables'], value: fc.dictionary(fc.constantFrom('STAGE', 'DEBUG', 'LOG_LEVEL'), fc.constantFrom('prod', 'true', 'INFO'), { maxKeys: 3 }), literals: ['prod'] },
    { path: ['Tags'], value: tags, literals: tagLiterals },
  ],
  'AWS::S3::Bucket': [
    { path: ['BucketName'], value: fc.constantFrom('logs-bucket', 'data-bucket'), literals: ['logs-bucket'] },
    { path: ['VersioningConfiguration', 'Status'], value: fc.constantFrom('Enabled', 'Suspended'), literals: ['Enabled', 'Suspended'] },
    {
      path: ['BucketEncryption', 'ServerSideEncryptionConfiguration'],
      value: fc.array(fc.record({ ServerSideEncryptionByDefault: fc.record({ SSEAlgorithm: fc.constantFrom('AES256', 'aws:kms', 'aws:kms:dsse') }), BucketKeyEnabled: fc.boolean() }, { requiredKeys: ['ServerSideEncryptionByDefault'] }), { minLength: 1, maxLength: 2 }),
      literals: ['AES256', 'aws:kms', true],
    },
    { path: ['PublicAccessBlockConfiguration', 'BlockPublicAcls'], value: fc.boolean(), literals: [true, false] },
    { path: ['PublicAccessBlockConfiguration', 'RestrictPublicBuckets'], value: fc.boolean(), literals: [true] },
    { path: ['LoggingConfiguration', 'DestinationBucketName'], value: fc.constantFrom('logs-bucket', 'audit'), literals: ['audit'] },
    { path: ['ObjectLockEnabled'], value: fc.boolean(), literals: [true] },
    { path: ['Tags'], value: tags, literals: tagLiterals },
  ],
  'AWS::DynamoDB::Table': [
    { path: ['BillingMode'], value: fc.constantFrom('PAY_PER_REQUEST', 'PROVISIONED'), literals: ['PAY_PER_REQUEST', 'PROVISIONED'] },
    { path: ['SSESpecification', 'SSEEnabled'], value: fc.boolean(), literals: [true, false] },
    { path: ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'], value: fc.boolean(), literals: [true] },
    { path: ['TableClass'], value: fc.constantFrom('STANDARD', 'STANDARD_INFREQUENT_ACCESS'), literals: ['STANDARD'] },
    { path: ['DeletionProtectionEnabled'], value: fc.boolean(), literals: [true] },
    { path: ['ProvisionedThroughput', 'ReadCapacityUnits'], value: fc.integer({ min: 1, max: 40000 }), literals: [5, 100] },
    { path: ['KeySchema'], value: fc.constant([{ AttributeName: 'pk', KeyType: 'HASH' }]), literals: ['HASH', 'pk'] },
  ],
  'AWS::SQS::Queue': [
    { path: ['KmsMasterKeyId'], value: kmsKey, literals: ['alias/aws/sqs'] },
    { path: ['SqsManagedSseEnabled'], value: fc.boolean(), literals: [true, false] },
    { path: ['VisibilityTimeout'], value: fc.integer({ min: 0, max: 43200 }), literals: [30, 43200] },
    { path: ['MessageRetentionPeriod'], value: fc.integer({ min: 60, max: 1209600 }), literals: [345600] },
    { path: ['FifoQueue'], value: fc.boolean(), literals: [true] },
    { path: ['DelaySeconds'], value: fc.integer({ min: 0, max: 900 }), literals: [0] },
  ],
  'AWS::SNS::Topic': [
    { path: ['KmsMasterKeyId'], value: kmsKey, literals: ['alias/custom'] },
    { path: ['TopicName'], value: fc.constantFrom('alerts', 'events'), literals: ['alerts'] },
    { path: ['FifoTopic'], value: fc.boolean(), literals: [true] },
    { path: ['Subscription'], value: fc.array(fc.record({ Endpoint: fc.constantFrom('ops@example.com', arn('sqs', 'q')), Protocol: fc.constantFrom('email', 'sqs', 'https') }), { maxLength: 2 }), literals: ['email', 'https'] },
  ],
  'AWS::ApiGateway::Stage': [
    { path: ['StageName'], value: fc.constantFrom('prod', 'dev'), literals: ['prod'] },
    { path: ['TracingEnabled'], value: fc.boolean(), literals: [true, false] },
    { path: ['CacheClusterEnabled'], value: fc.boolean(), literals: [true] },
    {
      path: ['MethodSettings'],
      value: fc.array(fc.record({ HttpMethod: fc.constant('*'), ResourcePath: fc.constant('/*'), LoggingLevel: fc.constantFrom('OFF', 'ERROR', 'INFO'), MetricsEnabled: fc.boolean() }, { requiredKeys: ['HttpMethod', 'ResourcePath'] }), { maxLength: 2 }),
      literals: ['OFF', 'ERROR', true],
    },
    { path: ['AccessLogSetting', 'DestinationArn'], value: fc.constant(arn('logs', 'log-group:api')), literals: ['none'] },
  ],
};

export const RESOURCE_TYPES = Object.keys(RESOURCE_SPECS);

function setPath(target: Record<string, unknown>, path: Path, value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[path[path.length - 1]!] = value;
}

export interface GeneratedResource {
  readonly resourceType: string;
  readonly properties: Record<string, unknown>;
}

export function resourceOf(resourceType: string): fc.Arbitrary<GeneratedResource> {
  const specs = RESOURCE_SPECS[resourceType]!;
  // Now and then a value of the wrong type or an empty one: the edges where engines drift apart.
  const odd = fc.constantFrom<unknown>(null, '', 0, [], {}, 'true', 1.5);
  return fc.tuple(...specs.map((spec) => fc.option(fc.oneof({ weight: 9, arbitrary: spec.value }, { weight: 1, arbitrary: odd }), { nil: undefined, freq: 2 }))).map((values) => {
    const properties: Record<string, unknown> = {};
    values.forEach((value, i) => {
      if (value !== undefined) setPath(properties, specs[i]!.path, value);
    });
    return { resourceType, properties };
  });
}

/** The key rule the mechanical projection applies; rule paths follow it. */
function camel(key: string): string {
  const run = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(key);
  if (run !== null && run[0].length > 1) return run[0].toLowerCase() + key.slice(run[0].length);
  return key.charAt(0).toLowerCase() + key.slice(1);
}

function literalText(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A query over the configuration item: a property, an element of it, or a path that never exists. */
interface ProjectedPath {
  readonly text: string;
  readonly literals: readonly unknown[];
}

const projectedPathCache = new Map<string, readonly ProjectedPath[]>();

/**
 * The queries the projection really produces for a type: every property set at once, projected,
 * and every container and leaf below `configuration` / `supplementaryConfiguration` / `tags`
 * listed as a Guard query (`[*]` for list elements), with the leaf values seen there as literals.
 * So rules hit the Config item whatever moves and renames the projection applies.
 */
function projectedPaths(resourceType: string): readonly ProjectedPath[] {
  const cached = projectedPathCache.get(resourceType);
  if (cached !== undefined) return cached;
  const specs = RESOURCE_SPECS[resourceType]!;
  const properties: Record<string, unknown> = {};
  specs.forEach((spec, i) => setPath(properties, spec.path, fc.sample(spec.value, { numRuns: 1, seed: i + 1 })[0]));
  const document = defaultProjector(resourceType, 'Subject', properties) as Record<string, unknown>;
  const typeLiterals = specs.flatMap((spec) => spec.literals);
  const found = new Map<string, Set<unknown>>();
  const walk = (value: unknown, query: string, depth: number): void => {
    if (depth > 8) return;
    const leaves = found.get(query) ?? new Set<unknown>();
    found.set(query, leaves);
    if (Array.isArray(value)) return value.forEach((item) => walk(item, `${query}[*]`, depth + 1));
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) walk(child, `${query}.${key}`, depth + 1);
      return;
    }
    leaves.add(value);
  };
  for (const root of ['configuration', 'supplementaryConfiguration', 'tags']) if (document[root] !== undefined) walk(document[root], root, 0);
  const paths = [...found].filter(([text]) => text.includes('.') || text.includes('[')).map(([text, leaves]) => ({ text, literals: [...leaves, ...typeLiterals].slice(0, 12) }));
  projectedPathCache.set(resourceType, paths);
  return paths;
}

function queryOf(resourceType: string): fc.Arbitrary<{ text: string; literals: readonly unknown[] }> {
  const specs = RESOURCE_SPECS[resourceType]!;
  const projected = projectedPaths(resourceType);
  return fc.oneof(
    ...(projected.length > 0 ? [{ weight: 8, arbitrary: fc.constantFrom(...projected) }] : []),
    { weight: 4, arbitrary: fc.constantFrom(...specs).chain((spec) => fc.constantFrom('', '[*]', '.*').map((suffix) => ({ text: `configuration.${spec.path.map(camel).join('.')}${suffix}`, literals: spec.literals }))) },
    { weight: 1, arbitrary: fc.constant({ text: 'resourceType', literals: [resourceType, 'AWS::S3::Bucket'] }) },
    { weight: 1, arbitrary: fc.constant({ text: 'configuration.noSuchProperty', literals: ['x'] }) },
  );
}

/** Filters over lists of structures (`a[ b == "x" ]`) and key filters over maps (`m[ keys == /^S/ ]`). */
function filterClauseOf(resourceType: string): fc.Arbitrary<string> | undefined {
  const listed = projectedPaths(resourceType).flatMap((path) => {
    const at = path.text.lastIndexOf('[*].');
    if (at < 0) return [];
    const rest = path.text.slice(at + 4);
    return rest.includes('[') ? [] : [{ list: path.text.slice(0, at), field: rest, literals: path.literals }];
  });
  const maps = projectedPaths(resourceType).filter((path) => !path.text.endsWith(']') && projectedPaths(resourceType).some((other) => other.text.startsWith(`${path.text}.`)));
  const options: fc.Arbitrary<string>[] = [];
  if (listed.length > 0) {
    options.push(
      fc.constantFrom(...listed).chain(({ list, field, literals }) =>
        fc.tuple(fc.constantFrom(...literals).map(literalText), fc.constantFrom('!empty', 'empty', 'exists')).map(([l, check]) => `${list}[ ${field} == ${l} ] ${check}`),
      ),
      fc.constantFrom(...listed).chain(({ list, field, literals }) => fc.constantFrom(...literals).map((l) => `${list}[ ${field} exists ].${field} == ${literalText(l)}`)),
    );
  }
  if (maps.length > 0) {
    options.push(fc.tuple(fc.constantFrom(...maps), fc.constantFrom('/^S/', '/^[a-z]/', '/Mode$/')).map(([m, r]) => `${m.text}[ keys == ${r} ] !empty`));
  }
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

const CROSS_TYPE_LITERALS: readonly unknown[] = [true, 0, '0', 'true'];

function clauseOf(resourceType: string): fc.Arbitrary<string> {
  const filtered = filterClauseOf(resourceType);
  const plain = simpleClauseOf(resourceType);
  return filtered === undefined ? plain : fc.oneof({ weight: 5, arbitrary: plain }, { weight: 1, arbitrary: filtered });
}

function simpleClauseOf(resourceType: string): fc.Arbitrary<string> {
  return queryOf(resourceType).chain(({ text, literals }) => {
    const literal = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...literals).map(literalText) }, { weight: 1, arbitrary: fc.constantFrom(...CROSS_TYPE_LITERALS).map(literalText) }, { weight: 1, arbitrary: fc.constant('null') });
    const regex = fc.constantFrom('/^python/', '/Active|PassThrough/', '/^arn:aws:/', '/.*/', '/^$/', '/(?i)enabled/');
    return fc.oneof(
      regex.map((r) => `${text} == ${r}`),
      regex.map((r) => `${text} != ${r}`),
      fc.constantFrom(`${text} exists`, `${text} !exists`, `${text} empty`, `${text} !empty`, `${text} is_string`, `${text} is_bool`, `${text} is_int`, `${text} is_list`, `${text} is_struct`),
      literal.map((l) => `${text} == ${l}`),
      literal.map((l) => `${text} != ${l}`),
      fc.tuple(literal, literal).map(([a, b]) => `${text} in [${a}, ${b}]`),
      fc.tuple(literal, literal).map(([a, b]) => `${text} not in [${a}, ${b}]`),
      fc.constantFrom('<', '<=', '>', '>=').chain((op) => fc.integer({ min: 0, max: 2000 }).map((n) => `${text} ${op} ${n}`)),
      literal.map((l) => `some ${text} == ${l}`),
    );
  });
}

/** A query block over a property's parent: `configuration.tracingConfig { mode == "Active" }`. */
function blockOf(resourceType: string): fc.Arbitrary<string> {
  const nested = RESOURCE_SPECS[resourceType]!.filter((spec) => spec.path.length > 1);
  const specs = nested.length > 0 ? nested : RESOURCE_SPECS[resourceType]!.map((spec) => ({ ...spec, path: ['', ...spec.path] }));
  return fc.constantFrom(...specs).chain((spec) => {
    const parent = ['configuration', ...spec.path.slice(0, -1).filter((k) => k !== '').map(camel)].join('.');
    const leaf = camel(spec.path[spec.path.length - 1]!);
    return fc.oneof(
      fc.constantFrom(...spec.literals).map((l) => `${parent} {\n        ${leaf} == ${literalText(l)}\n    }`),
      fc.constant(`${parent} {\n        ${leaf} exists\n    }`),
    );
  });
}

/** A rules file of one or two rules, each with an optional `when` guard and one to three clauses (some joined with `or`). */
export function policyOf(resourceType: string): fc.Arbitrary<string> {
  const rule = (name: string) =>
    fc
      .record({
        when: fc.option(clauseOf(resourceType), { nil: undefined }),
        lines: fc.array(
          fc.oneof(
            { weight: 4, arbitrary: fc.array(clauseOf(resourceType), { minLength: 1, maxLength: 2 }).map((alternatives) => ({ alternatives })) },
            { weight: 1, arbitrary: blockOf(resourceType).map((block) => ({ block })) },
          ),
          // Mostly one line, so that a rule passes often enough for PASS to be exercised.
          { minLength: 1, maxLength: 3, size: 'xsmall' },
        ),
        message: fc.option(fc.constantFrom('must be set', 'not allowed'), { nil: undefined }),
      })
      .map(({ when, lines, message }) => {
        const body = lines
          .map((line) => ('block' in line ? `    ${line.block}` : `    ${line.alternatives.join(' or\n    ')}${message !== undefined ? ` <<${message}>>` : ''}`))
          .join('\n');
        return `rule ${name}${when !== undefined ? ` when ${when}` : ''} {\n${body}\n}\n`;
      });
  const second = fc.record({
    rule: rule('generated_2'),
    link: fc.constantFrom('', ' when generated_1', ' when !generated_1'),
  }).map(({ rule: text, link }) => text.replace('rule generated_2', `rule generated_2${link}`).replace(/^(rule generated_2 when [!\w]+) when /, '$1 or '));
  // A file-level variable, used by a clause added to the first rule: a query, or a function of one.
  const variable = fc.option(
    fc.oneof(
      queryOf(resourceType).map((q) => ({ let: `let subject = ${q.text}\n`, clause: '%subject !exists or %subject !empty' })),
      fc.tuple(queryOf(resourceType), fc.integer({ min: 0, max: 3 })).map(([q, n]) => ({ let: `let subject = count(${q.text})\n`, clause: `%subject >= ${n}` })),
    ),
    { nil: undefined },
  );
  return fc
    .tuple(variable, rule('generated_1'), fc.option(second, { nil: undefined }))
    .map(([v, first, other]) => `${v?.let ?? ''}${v !== undefined ? first.replace(/\n}\n$/, `\n    ${v.clause}\n}\n`) : first}${other !== undefined ? `\n${other}` : ''}`);
}
