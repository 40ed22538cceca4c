/*
 * The authenticated role's policy matrix of `@auth-s3/stack-testing` evaluated with `@auth-s3/iam`
 * against the policies of a fresh synth (the role's policy and the file bucket's policy), for two
 * pairs of identities: the caller's own `private/<identity id>/` and `public/` allowed as the
 * matrix says, another identity's area, `private/` itself and look-alike prefixes denied. The
 * emulator evaluates the same matrix on the template fixture and replays it over HTTP.
 */
import { evaluate, type NamedPolicy, type PolicyDocument } from '@auth-s3/iam';
import {
  caseLabel,
  type MatrixIdentities,
  POLICY_MATRIX,
  toAuthorizationRequest,
} from '@auth-s3/stack-testing';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthS3Stack } from '../src/auth-s3-stack.js';
import { ACCOUNT, type CfnResource, resolver } from './resolve-template.js';
import { createApp } from './synth.js';

let bucketName: string;
let roleArn: string;
let policies: NamedPolicy[];

beforeAll(() => {
  const stack = new AuthS3Stack(createApp(), 'AuthS3Stack', {
    env: { account: ACCOUNT, region: 'us-east-1' },
  });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, CfnResource>;
  const { physical, arnOf, resolve } = resolver(resources);
  const id = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as never);
  const bucketId = id(stack.files.bucket);
  const roleId = id(stack.identity.authenticatedRole);
  bucketName = physical(bucketId);
  roleArn = arnOf(roleId);
  const documents = (match: (r: CfnResource) => boolean) =>
    Object.values(resources)
      .filter(match)
      .map((r) => resolve(r.Properties.PolicyDocument) as PolicyDocument);
  const role = documents(
    (r) =>
      r.Type === 'AWS::IAM::Policy' &&
      (r.Properties.Roles as Array<{ Ref?: string }>).some((role) => role.Ref === roleId),
  ).map(
    (document, index): NamedPolicy => ({
      name: `AuthenticatedRole/Policy${index}`,
      kind: 'identity',
      document,
    }),
  );
  const bucket = documents(
    (r) => r.Type === 'AWS::S3::BucketPolicy' && (r.Properties.Bucket as { Ref?: string }).Ref === bucketId,
  ).map((document): NamedPolicy => ({ name: 'FileBucketPolicy', kind: 'resource', document }));
  expect(role).toHaveLength(1);
  expect(bucket).toHaveLength(1);
  policies = [...role, ...bucket];
});

const PAIRS: Array<[string, MatrixIdentities]> = [
  [
    'two identities',
    {
      own: 'us-east-1:0b7e0c52-4f4c-4d7a-9a57-2f0c7b0c1a11',
      other: 'us-east-1:93c1d3e6-5e2b-4a53-8f0d-6c1f0e9b2d44',
    },
  ],
  [
    "another identity whose id is the caller's and one more character",
    {
      own: 'eu-west-1:00000000-0000-4000-8000-000000000000',
      other: 'eu-west-1:00000000-0000-4000-8000-0000000000001',
    },
  ],
];

describe.each(PAIRS)('the role policy matrix against a fresh synth, %s', (_name, identities) => {
  it.each(POLICY_MATRIX.map((c) => [caseLabel(c), c] as const))('%s', (_label, testCase) => {
    const request = toAuthorizationRequest(testCase, bucketName, { roleArn, identities });
    const { decision, summary } = evaluate(request, policies);
    expect(decision === 'Allow' ? 'Allow' : 'Deny', summary).toBe(testCase.expected);
  });
});
