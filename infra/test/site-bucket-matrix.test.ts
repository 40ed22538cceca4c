/*
 * The site bucket matrix of `@auth-s3/stack-testing` (issue 15), every case evaluated with
 * `@auth-s3/iam` against the site bucket policy as the stack synthesizes it, plus the
 * authenticated role's own policies for the role's cases: only CloudFront acting for this stack's
 * distribution may read. Then the same matrix against a policy without its `AWS:SourceArn`
 * condition, to show the matrix notices the confused-deputy hole.
 */
import { evaluate, type NamedPolicy, type PolicyDocument } from '@auth-s3/iam';
import {
  SITE_BUCKET_MATRIX,
  type SiteMatrixTarget,
  siteCaseLabel,
  toSiteAuthorizationRequest,
} from '@auth-s3/stack-testing';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthS3Stack } from '../src/auth-s3-stack.js';
import { createApp, siteBuildFixture } from './synth.js';

const ACCOUNT = '123456789012';

interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
}

/**
 * Resolves the few intrinsics these policies use (`Ref`, `Fn::GetAtt … Arn`, `Fn::Join`, the
 * pseudo parameters) with made-up physical names; anything else fails the test loudly.
 */
function resolver(resources: Record<string, CfnResource>) {
  const physical = (id: string) => `${id.toLowerCase()}-physical`;
  const pseudo: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::AccountId': ACCOUNT };
  const arnOf = (id: string): string => {
    const type = resources[id]?.Type;
    if (type === 'AWS::S3::Bucket') return `arn:aws:s3:::${physical(id)}`;
    if (type === 'AWS::IAM::Role') return `arn:aws:iam::${ACCOUNT}:role/${physical(id)}`;
    throw new Error(`No Arn for ${id} (${type})`);
  };
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    const [name, arg] = entries[0] ?? [];
    if (entries.length === 1 && name === 'Ref') return pseudo[arg as string] ?? physical(arg as string);
    if (entries.length === 1 && name === 'Fn::GetAtt') {
      const [id, attribute] = arg as [string, string];
      if (attribute === 'Arn') return arnOf(id);
    }
    if (entries.length === 1 && name === 'Fn::Join') {
      const [separator, parts] = arg as [string, unknown[]];
      return (walk(parts) as string[]).join(separator);
    }
    if (entries.length === 1 && name?.startsWith('Fn::')) throw new Error(`Unresolved ${name}`);
    return Object.fromEntries(entries.map(([k, v]) => [k, walk(v)]));
  };
  return { physical, arnOf, resolve: walk };
}

let target: SiteMatrixTarget;
let sitePolicy: NamedPolicy;
let rolePolicies: NamedPolicy[];

beforeAll(() => {
  const app = createApp();
  const stack = new AuthS3Stack(app, 'AuthS3Stack', {
    env: { account: ACCOUNT, region: 'us-east-1' },
    siteDirectory: siteBuildFixture(),
  });
  const resources = Template.fromStack(stack).toJSON().Resources as Record<string, CfnResource>;
  const { physical, arnOf, resolve } = resolver(resources);
  const id = (construct: { node: { defaultChild?: unknown } }) =>
    stack.getLogicalId(construct.node.defaultChild as never);
  const hosting = stack.hosting;
  if (!hosting) throw new Error('The stack has no hosting');
  const siteId = id(hosting.bucket);
  const roleId = id(stack.identity.authenticatedRole);
  const policyOf = (match: (r: CfnResource) => boolean) =>
    Object.values(resources)
      .filter(match)
      .map((r) => resolve(r.Properties.PolicyDocument) as PolicyDocument);

  target = {
    bucketName: physical(siteId),
    distributionArn: `arn:aws:cloudfront::${ACCOUNT}:distribution/${physical(id(hosting.distribution))}`,
    authenticatedRoleArn: arnOf(roleId),
  };
  const [siteDocument] = policyOf(
    (r) => r.Type === 'AWS::S3::BucketPolicy' && (r.Properties.Bucket as { Ref?: string }).Ref === siteId,
  );
  if (!siteDocument) throw new Error('No site bucket policy');
  sitePolicy = { name: 'SiteBucketPolicy', kind: 'resource', document: siteDocument };
  rolePolicies = policyOf(
    (r) =>
      r.Type === 'AWS::IAM::Policy' &&
      (r.Properties.Roles as Array<{ Ref?: string }>).some((role) => role.Ref === roleId),
  ).map((document, index) => ({ name: `AuthenticatedRole/Policy${index}`, kind: 'identity', document }));
  expect(rolePolicies.length).toBeGreaterThan(0);
});

function decide(testCase: (typeof SITE_BUCKET_MATRIX)[number], policy: NamedPolicy): 'Allow' | 'Deny' {
  const identity = testCase.caller === 'authenticatedRole' ? rolePolicies : [];
  const { decision } = evaluate(toSiteAuthorizationRequest(testCase, target), [...identity, policy]);
  return decision === 'Allow' ? 'Allow' : 'Deny';
}

describe('the site bucket matrix against the synthesized site bucket policy', () => {
  it.each(SITE_BUCKET_MATRIX.map((c) => [siteCaseLabel(c), c] as const))('%s', (_label, testCase) => {
    expect(decide(testCase, sitePolicy)).toBe(testCase.expected);
  });

  it('covers each caller, and both verdicts', () => {
    expect(new Set(SITE_BUCKET_MATRIX.map((c) => c.caller))).toEqual(
      new Set([
        'distribution',
        'otherDistribution',
        'cloudfrontWithoutSource',
        'anonymous',
        'authenticatedRole',
        'otherService',
      ]),
    );
    expect(new Set(SITE_BUCKET_MATRIX.map((c) => c.expected))).toEqual(new Set(['Allow', 'Deny']));
  });

  it('catches a policy without its AWS:SourceArn condition: another distribution could read', () => {
    const loosened = structuredClone(sitePolicy);
    for (const statement of [loosened.document.Statement].flat()) {
      if (statement.Effect === 'Allow') delete statement.Condition;
    }
    const other = SITE_BUCKET_MATRIX.find(
      (c) => c.caller === 'otherDistribution' && c.action === 's3:GetObject',
    );
    if (!other) throw new Error('The matrix has no read by another distribution');
    expect(decide(other, sitePolicy)).toBe('Deny');
    expect(decide(other, loosened)).toBe('Allow');
  });
});
