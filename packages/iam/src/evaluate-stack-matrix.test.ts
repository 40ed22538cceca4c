/*
 * The auth-s3 stack's authenticated-role and bucket policies (as issue 2 specifies them) evaluated
 * against an allow/deny matrix, plus proof that the matrix notices a widened policy.
 */
import { describe, expect, it } from 'vitest';
import { authenticatedRolePolicy, BUCKET_ARN, request, sslOnlyBucketPolicy } from './__tests__/builders.js';
import { evaluate } from './evaluate.js';
import type { Decision, PolicyStatement } from './types.js';

const stack = [authenticatedRolePolicy(), sslOnlyBucketPolicy()];
const secure = { 'aws:SecureTransport': true };

describe('evaluate against the auth-s3 stack policies (allow/deny matrix)', () => {
  const obj = (key: string) => `${BUCKET_ARN}/${key}`;
  const objectActions = [
    's3:GetObject',
    's3:PutObject',
    's3:DeleteObject',
    's3:AbortMultipartUpload',
    's3:ListMultipartUploadParts',
  ];
  const cases: Array<[string, string, Record<string, string | boolean>, Decision['decision']]> = [
    ...objectActions.flatMap(
      (action): Array<[string, string, Record<string, string>, Decision['decision']]> => [
        [action, obj('public/a.txt'), {}, 'Allow'],
        [action, obj('public/dir/b c+d.txt'), {}, 'Allow'],
        [action, obj('private/a.txt'), {}, 'ImplicitDeny'],
        [action, obj('publicity/a.txt'), {}, 'ImplicitDeny'],
        [action, obj('a.txt'), {}, 'ImplicitDeny'],
        [action, 'arn:aws:s3:::other-bucket/public/a.txt', {}, 'ImplicitDeny'],
      ],
    ),
    ['s3:GetObject', obj('Public/a.txt'), {}, 'ImplicitDeny'],
    ['s3:GetObject', BUCKET_ARN, {}, 'ImplicitDeny'],
    ['s3:GetObject', obj('public/../private/a.txt'), {}, 'Allow'],
    ['s3:ListBucket', BUCKET_ARN, { 's3:prefix': 'public/' }, 'Allow'],
    ['s3:ListBucket', BUCKET_ARN, { 's3:prefix': 'public/dir/' }, 'Allow'],
    ['s3:ListBucket', BUCKET_ARN, {}, 'ImplicitDeny'],
    ['s3:ListBucket', BUCKET_ARN, { 's3:prefix': '' }, 'ImplicitDeny'],
    ['s3:ListBucket', BUCKET_ARN, { 's3:prefix': 'private/' }, 'ImplicitDeny'],
    ['s3:ListBucket', BUCKET_ARN, { 's3:prefix': 'public' }, 'ImplicitDeny'],
    ['s3:ListBucket', BUCKET_ARN, { 's3:prefix': 'Public/' }, 'ImplicitDeny'],
    ['s3:ListBucket', 'arn:aws:s3:::other-bucket', { 's3:prefix': 'public/' }, 'ImplicitDeny'],
    ['s3:ListBucketVersions', BUCKET_ARN, { 's3:prefix': 'public/' }, 'ImplicitDeny'],
    ['s3:GetObjectVersion', obj('public/a.txt'), {}, 'ImplicitDeny'],
    ['s3:PutObjectAcl', obj('public/a.txt'), {}, 'ImplicitDeny'],
    ['s3:PutBucketPolicy', BUCKET_ARN, {}, 'ImplicitDeny'],
    ['s3:DeleteBucket', BUCKET_ARN, {}, 'ImplicitDeny'],
    ['s3:ListAllMyBuckets', 'arn:aws:s3:::*', {}, 'ImplicitDeny'],
    ['s3:GetObject', obj('public/a.txt'), { 'aws:SecureTransport': false }, 'ExplicitDeny'],
    ['s3:ListBucket', BUCKET_ARN, { 's3:prefix': 'public/', 'aws:SecureTransport': false }, 'ExplicitDeny'],
    ['s3:PutBucketPolicy', BUCKET_ARN, { 'aws:SecureTransport': false }, 'ExplicitDeny'],
  ];

  it.each(cases)('%s on %s with %j → %s', (action, arn, context, expected) => {
    expect(evaluate(request(action, arn, { 'aws:SecureTransport': true, ...context }), stack).decision).toBe(
      expected,
    );
  });

  it('has at least 30 cases, both verdicts, and all three decisions', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c[3]))).toEqual(new Set(['Allow', 'ImplicitDeny', 'ExplicitDeny']));
  });

  it('catches a widened policy: Resource bucket/* instead of bucket/public/* flips private/ to Allow', () => {
    const widened = authenticatedRolePolicy();
    const statements = widened.document.Statement as PolicyStatement[];
    statements[0] = { ...(statements[0] as PolicyStatement), Resource: `${BUCKET_ARN}/*` };
    const privateGet = request('s3:GetObject', obj('private/a.txt'), secure);
    expect(evaluate(privateGet, stack).decision).toBe('ImplicitDeny');
    expect(evaluate(privateGet, [widened, sslOnlyBucketPolicy()]).decision).toBe('Allow');
  });
});
