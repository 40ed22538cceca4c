/*
 * The stack's allow/deny matrix (the one the IAM package evaluates directly) replayed over real
 * HTTP with the SDK: every request must get the same verdict from the emulator's S3 (Allow →
 * served; deny → 403 AccessDenied) and the decision the emulator reports must name it.
 */
import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  ListPartsCommand,
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type S3Harness, startS3Harness } from './__tests__/s3-harness.js';
import { BUCKET, OTHER_ROLE_ARN } from './__tests__/stack-fixture.js';
import { assumedRoleArn, createAuthorizer } from './authorize.js';

let h: S3Harness;
let s3: S3Client;

beforeAll(async () => {
  h = await startS3Harness();
  s3 = h.client(h.issue());
});
afterAll(async () => {
  s3?.destroy();
  await h?.stop();
});

type Verdict = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';
/** Any S3 command (the SDK's command types do not share one assignable base type). */
type Call = object;
const UPLOAD_ID = '0'.repeat(48);

/** Each case: the IAM action, a description, the SDK call, the evaluator's verdict. */
const objectCalls: Record<string, (key: string) => Call> = {
  's3:PutObject': (Key) => new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'matrix' }),
  's3:GetObject': (Key) => new GetObjectCommand({ Bucket: BUCKET, Key }),
  's3:AbortMultipartUpload': (Key) =>
    new AbortMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId: UPLOAD_ID }),
  's3:ListMultipartUploadParts': (Key) => new ListPartsCommand({ Bucket: BUCKET, Key, UploadId: UPLOAD_ID }),
  's3:DeleteObject': (Key) => new DeleteObjectCommand({ Bucket: BUCKET, Key }),
};

const cases: Array<[string, string, () => Call, Verdict]> = [
  ...Object.entries(objectCalls).flatMap(([action, call]) =>
    (
      [
        ['public/a.txt', 'Allow'],
        ['public/dir/b c+d.txt', 'Allow'],
        ['public/../private/a.txt', 'Allow'],
        ['private/a.txt', 'ImplicitDeny'],
        ['publicity/a.txt', 'ImplicitDeny'],
        ['a.txt', 'ImplicitDeny'],
        ['Public/a.txt', 'ImplicitDeny'],
      ] as const
    ).map(([key, verdict]): [string, string, () => Call, Verdict] => [action, key, () => call(key), verdict]),
  ),
  [
    's3:ListBucket',
    'prefix public/',
    () => new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/' }),
    'Allow',
  ],
  [
    's3:ListBucket',
    'prefix public/dir/',
    () => new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public/dir/', Delimiter: '/' }),
    'Allow',
  ],
  ['s3:ListBucket', 'no prefix', () => new ListObjectsV2Command({ Bucket: BUCKET }), 'ImplicitDeny'],
  [
    's3:ListBucket',
    'prefix ""',
    () => new ListObjectsV2Command({ Bucket: BUCKET, Prefix: '' }),
    'ImplicitDeny',
  ],
  [
    's3:ListBucket',
    'prefix private/',
    () => new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'private/' }),
    'ImplicitDeny',
  ],
  [
    's3:ListBucket',
    'prefix public',
    () => new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'public' }),
    'ImplicitDeny',
  ],
  [
    's3:ListBucket',
    'prefix Public/',
    () => new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'Public/' }),
    'ImplicitDeny',
  ],
  [
    's3:ListBucketVersions',
    'prefix public/',
    () => new ListObjectVersionsCommand({ Bucket: BUCKET, Prefix: 'public/' }),
    'ImplicitDeny',
  ],
  [
    's3:GetObjectVersion',
    'public/a.txt',
    () => new GetObjectCommand({ Bucket: BUCKET, Key: 'public/a.txt', VersionId: 'v1' }),
    'ImplicitDeny',
  ],
  [
    's3:PutObjectAcl',
    'public/a.txt',
    () => new PutObjectAclCommand({ Bucket: BUCKET, Key: 'public/a.txt', ACL: 'public-read' }),
    'ImplicitDeny',
  ],
  [
    's3:PutBucketPolicy',
    'the bucket',
    () => new PutBucketPolicyCommand({ Bucket: BUCKET, Policy: '{}' }),
    'ImplicitDeny',
  ],
  ['s3:DeleteBucket', 'the bucket', () => new DeleteBucketCommand({ Bucket: BUCKET }), 'ImplicitDeny'],
  ['s3:ListAllMyBuckets', 'the account', () => new ListBucketsCommand({}), 'ImplicitDeny'],
];

async function outcome(call: Call, client = s3): Promise<string> {
  try {
    await client.send(call as never);
    return 'served';
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return e.name === 'AccessDenied' ? 'AccessDenied' : `served (${e.name})`;
  }
}

describe('authorization: the stack matrix over HTTP', () => {
  it.each(cases)('%s on %s → %s', async (action, _what, call, verdict) => {
    const before = h.decisions.length;
    const result = await outcome(call());
    expect(result.startsWith(verdict === 'Allow' ? 'served' : 'AccessDenied'), result).toBe(true);
    const decision = h.decisions.slice(before).find((d) => d.action === action);
    expect(decision?.decision).toBe(verdict);
    expect(decision?.summary).toContain(action);
  });

  it('has at least 30 cases with both verdicts', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c[3] === 'Allow'))).toEqual(new Set([true, false]));
  });

  it('authorizes each key of DeleteObjects on its own', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/del.txt', Body: 'x' }));
    const out = await s3.send(
      new DeleteObjectsCommand({
        Bucket: BUCKET,
        Delete: { Objects: [{ Key: 'public/del.txt' }, { Key: 'private/del.txt' }] },
      }),
    );
    expect(out.Deleted?.map((d) => d.Key)).toEqual(['public/del.txt']);
    expect(out.Errors?.map((e) => [e.Key, e.Code])).toEqual([['private/del.txt', 'AccessDenied']]);
  });

  it('denies everything to a role without S3 policies', async () => {
    const other = h.client(h.issue({ roleArn: OTHER_ROLE_ARN }));
    expect(await outcome(new GetObjectCommand({ Bucket: BUCKET, Key: 'public/a.txt' }), other)).toBe(
      'AccessDenied',
    );
    other.destroy();
  });

  it('reports decisions with the statement that made them', async () => {
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'public/why.txt', Body: 'x' }));
    const last = h.decisions.at(-1);
    expect(last).toMatchObject({
      method: 'PUT',
      key: 'public/why.txt',
      action: 's3:PutObject',
      decision: 'Allow',
    });
    expect(last?.summary).toContain('AuthenticatedRole/DefaultPolicy');
  });
});

describe('createAuthorizer', () => {
  it('prints each decision when logDecisions is on, without credentials', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const credentials = h.issue();
      const authz = createAuthorizer(
        { model: h.model, clock: h.clock, logDecisions: true },
        credentials,
        'GET',
      );
      expect(authz.allows({ action: 's3:GetObject', key: 'private/x' })).toBe(false);
      const line = String(log.mock.calls.at(-1)?.[0]);
      expect(line).toContain('GET ImplicitDeny s3:GetObject');
      expect(line).not.toContain(credentials.secretAccessKey);
      expect(line).not.toContain(credentials.sessionToken);
    } finally {
      log.mockRestore();
    }
  });

  it('names the caller as the assumed-role session', () => {
    expect(assumedRoleArn('arn:aws:iam::000000000000:role/AuthS3Stack-AuthenticatedRole-X')).toBe(
      'arn:aws:sts::000000000000:assumed-role/AuthS3Stack-AuthenticatedRole-X/CognitoIdentityCredentials',
    );
  });
});
