/**
 * The entry of guardts' V8 startup snapshot (scripts/bundle.mjs builds it, bin/guardts starts
 * from it): the CLI with `validate` and `test` loaded, the rules parser built, and the code of a
 * few small validate and test runs already compiled, so that a start deserialises a heap instead
 * of loading and compiling ~1.4 MB of modules. One blob per node binary (bin/snapshot-blob.mjs).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startupSnapshot } from 'node:v8';
import { run as runTest } from './commands/test.js';
import { run as runValidate } from './commands/validate.js';
import { captureIo } from './io.js';
import { dropLauncherTunable } from './launcher-tunables.js';
import { main } from './main.js';
import { tuneTieringForShortRun } from './short-run-tiering.js';
import { markStartedFromSnapshot } from './startup-snapshot.js';

// Common constructs of rules and templates: the code a typical run needs is then compiled.
// The filter is the registry's suppression idiom (193 of its 209 rules): its key names' case
// variants (compile-ast.ts keeps them by name) are then computed here, not at each start.
const WARM_UP_RULES = `let buckets = Resources.*[ Type == 'AWS::S3::Bucket'
  Metadata.cfn_nag.rules_to_suppress not exists or
  Metadata.cfn_nag.rules_to_suppress.*.id != "W35"
  Metadata.guard.SuppressedRules not exists or
  Metadata.guard.SuppressedRules.* != "BUCKET_LOGGING"
]
let allowed = ['AES256', 'aws:kms']

rule bucket_logging when %buckets !empty {
  %buckets.Properties.LoggingConfiguration exists
  %buckets.Properties.BucketName == /^[a-z0-9.-]+$/ or %buckets.Properties.BucketName !exists
  <<Buckets must log>>
}

rule bucket_encryption when bucket_logging {
  some %buckets.Properties.BucketEncryption.ServerSideEncryptionConfiguration[*] {
    ServerSideEncryptionByDefault.SSEAlgorithm IN %allowed
  }
  %buckets.Properties.Tags[ Key == 'owner' ].Value is_string
  let bucket_count = count(%buckets)
  %bucket_count >= 1
}

AWS::IAM::Role {
  Properties.MaxSessionDuration <= 43200
  Properties.Policies[*].PolicyName != 'admin'
}
`;
const WARM_UP_TEMPLATE = `AWSTemplateFormatVersion: '2010-09-09'
# a comment
Parameters:
  Env: { Type: String, Default: dev }
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Metadata:
      guard:
        SuppressedRules:
          - OTHER_RULE
    Properties:
      BucketName: !Sub 'logs-\${Env}'
      LoggingConfiguration:
        DestinationBucketName: !Ref Target
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
      Tags:
        - Key: owner
          Value: "team"
  Target:
    Type: AWS::S3::Bucket
    Metadata:
      cfn_nag:
        rules_to_suppress:
          - id: W35
            reason: the log bucket itself
  Role:
    Type: AWS::IAM::Role
    Properties:
      MaxSessionDuration: 3600
      Description: >
        folded
        text
      Policies:
        - PolicyName: read
          PolicyDocument: { Statement: [{ Effect: Allow, Action: 's3:GetObject', Resource: !GetAtt Bucket.Arn }] }
`;
const WARM_UP_SPEC = `- name: a bucket without logging
  input:
    Resources:
      Bucket:
        Type: AWS::S3::Bucket
        Properties: { BucketName: logs }
  expectations:
    rules:
      bucket_logging: FAIL
      bucket_encryption: SKIP
`;
const WARM_UP_JSON = JSON.stringify({ Resources: { Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'logs', LoggingConfiguration: {}, Tags: [{ Key: 'owner', Value: 1 }] } } } }, null, 2);

// What process.stdout and process.stderr are built on when they are a pipe or a terminal: loaded
// here, they are in the snapshot instead of being compiled at each start's first write.
process.getBuiltinModule('node:net');
process.getBuiltinModule('node:tty');

/** A few validate runs, failing and passing, and a test run, so that their code is compiled into the snapshot. */
async function warmUp(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guardts-snapshot-'));
  try {
    writeFileSync(join(dir, 'rules.guard'), WARM_UP_RULES);
    writeFileSync(join(dir, 'template.yaml'), WARM_UP_TEMPLATE);
    writeFileSync(join(dir, 'template.json'), WARM_UP_JSON);
    const rules = join(dir, 'rules.guard');
    for (const data of ['template.yaml', 'template.json']) {
      await runValidate(['-r', rules, '-d', join(dir, data)], captureIo({ cwd: dir }));
      await runValidate(['-r', rules, '-d', join(dir, data), '-S', 'all'], captureIo({ cwd: dir }));
    }
    writeFileSync(join(dir, 'spec.yaml'), WARM_UP_SPEC);
    await runTest(['-r', rules, '-t', join(dir, 'spec.yaml')], captureIo({ cwd: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

startupSnapshot.setDeserializeMainFunction(() => {
  markStartedFromSnapshot();
  dropLauncherTunable(process.env);
  // Started as `node --snapshot-blob <blob> <args>`: the arguments follow node's path directly.
  const argv = process.argv.slice(1);
  tuneTieringForShortRun(argv.slice(1));
  main(argv).then(
    (code) => {
      process.exitCode = code;
      // validate and test leave nothing running: exit now rather than tear the isolate down
      // (~2 ms). On Linux every write to stdout and stderr is synchronous (files, pipes and
      // terminals alike); elsewhere pipes are not, and queued output must drain first.
      if (process.platform === 'linux' || (process.stdout.writableLength === 0 && process.stderr.writableLength === 0)) process.exit(code);
    },
    (error: unknown) => {
      process.stderr.write(`guardts: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 255;
    },
  );
});

void warmUp();
