/*
 * The policy matrix: every case of `policy-matrix.ts` evaluated with `@auth-s3/iam` against the
 * authenticated role's policies and the bucket policy, as `loadStackModel` reads them from the
 * synthesized template. Then the same matrix against deliberately widened stacks, to show it
 * catches a role that can do more than `public/`.
 */

import type { StackModel } from '@auth-s3/emulator';
import { loadStackModel } from '@auth-s3/emulator/template';
import type { NamedPolicy } from '@auth-s3/iam';
import { evaluate } from '@auth-s3/iam';
import { Template } from 'aws-cdk-lib/assertions';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthS3Stack } from '../src/auth-s3-stack.js';
import {
  caseLabel,
  type MatrixCaller,
  POLICY_MATRIX,
  type PolicyMatrixCase,
  toAuthorizationRequest,
} from './policy-matrix.js';
import { createApp } from './synth.js';

/** Synthesizes the stack (after `modify`, if given) and reads it the way the emulator does. */
function loadModel(modify?: (stack: AuthS3Stack) => void): StackModel {
  const stack = new AuthS3Stack(createApp(), 'AuthS3Stack');
  modify?.(stack);
  return loadStackModel(Template.fromStack(stack).toJSON(), {
    stackName: 'AuthS3Stack',
    region: 'us-east-1',
  });
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
  model = loadModel();
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
  const widen = (statement: PolicyStatement) => (stack: AuthS3Stack) =>
    stack.identity.authenticatedRole.addToPrincipalPolicy(statement);

  it('finds nothing wrong with the stack as it is', () => {
    expect(mismatches(model)).toEqual([]);
  });

  it('fails when objects under public* (no slash) are allowed', () => {
    const widened = loadModel((stack) =>
      widen(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['s3:GetObject', 's3:PutObject'],
          resources: [stack.files.bucket.arnForObjects('public*')],
        }),
      )(stack),
    );
    expect(mismatches(widened)).toEqual(
      expect.arrayContaining(['s3:GetObject "publicity/a.txt" → Deny', 's3:GetObject "public" → Deny']),
    );
  });

  it('fails when the role holds s3:* on the bucket', () => {
    const widened = loadModel((stack) =>
      widen(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['s3:*'],
          resources: [stack.files.bucket.bucketArn, stack.files.bucket.arnForObjects('*')],
        }),
      )(stack),
    );
    expect(mismatches(widened)).toEqual(
      expect.arrayContaining(['s3:PutBucketPolicy (bucket) → Deny', 's3:GetObject "private/a.txt" → Deny']),
    );
  });

  it('fails when ListBucket loses its prefix condition', () => {
    const widened = loadModel((stack) =>
      widen(
        new PolicyStatement({
          effect: Effect.ALLOW,
          actions: ['s3:ListBucket'],
          resources: [stack.files.bucket.bucketArn],
        }),
      )(stack),
    );
    expect(mismatches(widened)).toEqual(
      expect.arrayContaining([
        's3:ListBucket (bucket) → Deny',
        's3:ListBucket (bucket) prefix "private/" → Deny',
      ]),
    );
  });
});
