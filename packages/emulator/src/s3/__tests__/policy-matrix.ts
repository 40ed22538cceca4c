/*
 * The stack's allow/deny matrix as S3 calls: for each case the IAM action, what it touches, the
 * SDK command that exercises it over HTTP, and the verdict the IAM evaluator gives (the same cases
 * as the IAM package's stack matrix). Shared by the fixture-model suite and the end-to-end suite.
 */
import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
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

export type Verdict = 'Allow' | 'ImplicitDeny' | 'ExplicitDeny';
/** Any S3 command (the SDK's command types do not share one assignable base type). */
export type Call = object;
export type MatrixCase = [action: string, what: string, call: () => Call, verdict: Verdict];

const UPLOAD_ID = '0'.repeat(48);

/** The matrix against `bucket`. */
export function matrixCases(bucket: string): MatrixCase[] {
  const BUCKET = bucket;
  const objectCalls: Record<string, (key: string) => Call> = {
    's3:PutObject': (Key) => new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'matrix' }),
    's3:GetObject': (Key) => new GetObjectCommand({ Bucket: BUCKET, Key }),
    's3:AbortMultipartUpload': (Key) =>
      new AbortMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId: UPLOAD_ID }),
    's3:ListMultipartUploadParts': (Key) =>
      new ListPartsCommand({ Bucket: BUCKET, Key, UploadId: UPLOAD_ID }),
    's3:DeleteObject': (Key) => new DeleteObjectCommand({ Bucket: BUCKET, Key }),
  };
  return [
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
      ).map(([key, verdict]): [string, string, () => Call, Verdict] => [
        action,
        key,
        () => call(key),
        verdict,
      ]),
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
}

/** `served` (possibly with a non-authorization error such as NoSuchKey) or `AccessDenied`. */
export async function outcome(client: S3Client, call: Call): Promise<string> {
  try {
    await client.send(call as never);
    return 'served';
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return e.name === 'AccessDenied' ? 'AccessDenied' : `served (${e.name})`;
  }
}
