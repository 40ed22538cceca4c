/*
 * The policy matrix of `@auth-s3/stack-testing`: every case evaluated with `@auth-s3/iam` against
 * the authenticated role's policies and the bucket policy, as `loadStackModel` reads them from the
 * synthesized template (the fixture, which infra's tests hold equal to a fresh synth). Then the
 * same matrix against deliberately widened templates, to show it catches a role that can do more
 * than `public/` and the caller's own `private/<identity id>/`. The private-area cases name two
 * identities (`{own}`, the caller, and `{other}`).
 */
import type { NamedPolicy } from '@auth-s3/iam';
import { evaluate } from '@auth-s3/iam';
import {
  caseLabel,
  type MatrixCaller,
  POLICY_MATRIX,
  type PolicyMatrixCase,
  templateFixture,
  toAuthorizationRequest,
} from '@auth-s3/stack-testing';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StackModel } from '../stack-model.js';
import { FIXTURE_LOAD_OPTIONS, testStackModel } from '../testing/index.js';
import { loadStackModel } from './load-stack-model.js';

interface TemplateResource {
  Type: string;
  Properties: { PolicyDocument?: { Statement: object[] }; Roles?: Array<{ Ref?: string }> };
}

/**
 * The stack with `statement(bucketArn)` added to the authenticated role's policy (what
 * `authenticatedRole.addToPrincipalPolicy` would synthesize), read the way the emulator reads it.
 */
function widenedModel(statement: (bucketArn: object) => object): StackModel {
  const template = templateFixture();
  const resources = Object.entries(template.Resources as Record<string, TemplateResource>);
  const bucketId = resources.find(
    ([id, r]) => r.Type === 'AWS::S3::Bucket' && id.startsWith('FileBucketFiles'),
  )?.[0];
  const policy = resources.find(
    ([, r]) =>
      r.Type === 'AWS::IAM::Policy' &&
      r.Properties.Roles?.some((role) => role.Ref?.startsWith('IdentityIdentityPoolAuthenticatedRole')),
  )?.[1].Properties.PolicyDocument;
  if (!bucketId || !policy) throw new Error('The fixture has no file bucket or no authenticated role policy');
  policy.Statement.push({ Effect: 'Allow', ...statement({ 'Fn::GetAtt': [bucketId, 'Arn'] }) });
  return loadStackModel(template, FIXTURE_LOAD_OPTIONS);
}

/** The policies that decide a request of `roleArn`'s sessions to the bucket. */
function policiesFor(model: StackModel, roleArn: string | undefined): NamedPolicy[] {
  const role = model.roles.find((r) => r.arn === roleArn);
  if (!role || !model.bucket.policy) throw new Error(`No role ${roleArn} or no bucket policy in the model`);
  return [...role.policies, model.bucket.policy];
}

function decide(model: StackModel, testCase: PolicyMatrixCase, caller: Partial<MatrixCaller> = {}) {
  const roleArn = caller.roleArn ?? (model.identityPool.authenticatedRoleArn as string);
  const request = toAuthorizationRequest(testCase, model.bucket.name, { ...caller, roleArn });
  return evaluate(request, policiesFor(model, roleArn));
}

/** The cases whose decision differs from the expected one. */
function mismatches(model: StackModel): string[] {
  return POLICY_MATRIX.filter(
    (c) => (decide(model, c).decision === 'Allow' ? 'Allow' : 'Deny') !== c.expected,
  ).map(caseLabel);
}

let model: StackModel;
beforeAll(() => {
  model = testStackModel();
});

describe('authenticated role policy matrix', () => {
  it('has at least 30 cases, allowed and denied', () => {
    expect(POLICY_MATRIX.length).toBeGreaterThanOrEqual(30);
    expect(POLICY_MATRIX.filter((c) => c.expected === 'Allow').length).toBeGreaterThanOrEqual(8);
    expect(POLICY_MATRIX.filter((c) => c.expected === 'Deny').length).toBeGreaterThanOrEqual(20);
  });

  it('includes every case issue 2 names', () => {
    const labels = POLICY_MATRIX.map(caseLabel);
    const named = [
      ...['s3:GetObject', 's3:PutObject', 's3:DeleteObject'].flatMap((action) => [
        `${action} "public/a.txt" → Allow`,
        `${action} "public/dir/b c+d.txt" → Allow`,
      ]),
      's3:ListBucket (bucket) prefix "public/" → Allow',
      's3:ListBucket (bucket) prefix "public/dir/" → Allow',
      's3:GetObject "private/a.txt" → Deny',
      's3:GetObject "publicity/a.txt" → Deny',
      's3:GetObject "a.txt" → Deny',
      's3:GetObject "public/a.txt" in someone-elses-bucket → Deny',
      's3:ListBucket (bucket) → Deny',
      's3:ListBucket (bucket) prefix "" → Deny',
      's3:ListBucket (bucket) prefix "private/" → Deny',
      's3:ListBucket (bucket) prefix "public" → Deny',
      's3:PutBucketPolicy (bucket) → Deny',
      's3:DeleteBucket (bucket) → Deny',
      's3:GetObject (bucket) → Deny',
    ];
    expect(labels).toEqual(expect.arrayContaining(named));
  });

  it('includes the two-identity cases issue 12 names', () => {
    const labels = POLICY_MATRIX.map(caseLabel);
    const actions = ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject', 's3:DeleteObject'];
    const named = [
      ...actions.map((action) => `${action} "private/{own}/a.txt" → Allow`),
      ...actions.map((action) => `${action} "private/{other}/a.txt" → Deny`),
      's3:ListBucket (bucket) prefix "private/{own}/" → Allow',
      's3:ListBucketVersions (bucket) prefix "private/{own}/" → Allow',
      's3:ListBucket (bucket) prefix "private/{other}/" → Deny',
      's3:ListBucketVersions (bucket) prefix "private/{other}/" → Deny',
      's3:ListBucket (bucket) prefix "private/" → Deny',
      's3:ListBucketVersions (bucket) prefix "private/" → Deny',
      's3:ListBucket (bucket) prefix "private/{own}" → Deny',
      's3:ListBucket (bucket) prefix "private/{own}x/" → Deny',
      's3:PutObject "private/{own}x/a.txt" → Deny',
      's3:DeleteObjectVersion "private/{own}/a.txt" → Deny',
      's3:DeleteObjectVersion "public/a.txt" → Deny',
    ];
    expect(labels).toEqual(expect.arrayContaining(named));
  });

  it("holds for other identity ids, even when the other's id is the caller's with one more character", () => {
    const identities = {
      own: 'eu-west-1:aaaaaaaa-0000-4000-8000-000000000000',
      other: 'eu-west-1:aaaaaaaa-0000-4000-8000-0000000000001',
    };
    const wrong = POLICY_MATRIX.filter(
      (c) => (decide(model, c, { identities }).decision === 'Allow' ? 'Allow' : 'Deny') !== c.expected,
    );
    expect(wrong.map(caseLabel)).toEqual([]);
  });

  it.each(POLICY_MATRIX.map((c) => [caseLabel(c), c] as const))('%s', (_label, testCase) => {
    const decision = decide(model, testCase);
    if (testCase.expected === 'Allow') {
      expect(decision.decision, decision.summary).toBe('Allow');
      expect(decision.statement?.policy).toBe('Identity/IdentityPool/AuthenticatedRole/DefaultPolicy');
    } else {
      // Nothing in the stack denies these explicitly over TLS: they are simply never allowed.
      expect(decision.decision, decision.summary).toBe('ImplicitDeny');
    }
  });

  it('lets the bucket policy deny every allowed case over plain HTTP', () => {
    for (const testCase of POLICY_MATRIX.filter((c) => c.expected === 'Allow')) {
      const decision = decide(model, testCase, { secureTransport: false });
      expect(decision.decision, caseLabel(testCase)).toBe('ExplicitDeny');
      expect(decision.statement?.policy).toBe('FileBucket/Files/Policy');
    }
  });

  it('gives the unauthenticated role nothing', () => {
    const roleArn = model.identityPool.unauthenticatedRoleArn;
    expect(roleArn).toBeDefined();
    for (const testCase of POLICY_MATRIX) {
      expect(decide(model, testCase, { roleArn }).decision, caseLabel(testCase)).not.toBe('Allow');
    }
  });
});

describe('the matrix catches a widened role', () => {
  const objects = (bucketArn: object, pattern: string) => ({ 'Fn::Join': ['', [bucketArn, pattern]] });

  it('finds nothing wrong with the stack as it is', () => {
    expect(mismatches(model)).toEqual([]);
  });

  it('fails when objects under public* (no slash) are allowed', () => {
    const widened = widenedModel((bucket) => ({
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: objects(bucket, '/public*'),
    }));
    expect(mismatches(widened)).toEqual(
      expect.arrayContaining(['s3:GetObject "publicity/a.txt" → Deny', 's3:GetObject "public" → Deny']),
    );
  });

  it('fails when the role holds s3:* on the bucket', () => {
    const widened = widenedModel((bucket) => ({ Action: 's3:*', Resource: [bucket, objects(bucket, '/*')] }));
    expect(mismatches(widened)).toEqual(
      expect.arrayContaining(['s3:PutBucketPolicy (bucket) → Deny', 's3:GetObject "private/a.txt" → Deny']),
    );
  });

  it("fails when the private area loses its identity variable (every identity's area opened)", () => {
    const widened = widenedModel((bucket) => ({
      Action: ['s3:GetObject', 's3:PutObject', 's3:GetObjectVersion'],
      Resource: objects(bucket, '/private/*'),
    }));
    expect(mismatches(widened)).toEqual(
      expect.arrayContaining([
        's3:GetObject "private/{other}/a.txt" → Deny',
        's3:GetObjectVersion "private/{other}/a.txt" → Deny',
        's3:PutObject "private/{own}x/a.txt" → Deny',
      ]),
    );
  });

  it("fails when listing is opened to private/ as a whole, or the own area's prefix loses its slash", () => {
    const all = widenedModel((bucket) => ({
      Action: ['s3:ListBucket', 's3:ListBucketVersions'],
      Resource: bucket,
      Condition: { StringLike: { 's3:prefix': ['private/*'] } },
    }));
    expect(mismatches(all)).toEqual(
      expect.arrayContaining([
        's3:ListBucket (bucket) prefix "private/{other}/" → Deny',
        's3:ListBucketVersions (bucket) prefix "private/{other}/" → Deny',
        's3:ListBucket (bucket) prefix "private/" → Deny',
      ]),
    );
    const noSlash = widenedModel((bucket) => ({
      Action: 's3:ListBucket',
      Resource: bucket,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, not a JavaScript one.
      Condition: { StringLike: { 's3:prefix': ['private/${cognito-identity.amazonaws.com:sub}*'] } },
    }));
    expect(mismatches(noSlash)).toEqual(
      expect.arrayContaining([
        's3:ListBucket (bucket) prefix "private/{own}" → Deny',
        's3:ListBucket (bucket) prefix "private/{own}x/" → Deny',
      ]),
    );
  });

  it('fails when the role may delete versions', () => {
    const widened = widenedModel((bucket) => ({
      Action: 's3:DeleteObjectVersion',
      Resource: objects(bucket, '/public/*'),
    }));
    expect(mismatches(widened)).toEqual(['s3:DeleteObjectVersion "public/a.txt" → Deny']);
  });

  it('fails when ListBucket loses its prefix condition', () => {
    const widened = widenedModel((bucket) => ({ Action: 's3:ListBucket', Resource: bucket }));
    expect(mismatches(widened)).toEqual(
      expect.arrayContaining([
        's3:ListBucket (bucket) → Deny',
        's3:ListBucket (bucket) prefix "private/" → Deny',
      ]),
    );
  });
});
