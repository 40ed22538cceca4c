/*
 * The authenticated role's access matrix as data: each case is one S3 request a signed-in user
 * might make, with the decision the stack must give. Keys and prefixes may name two identities of
 * the identity pool: `{own}` (the caller's identity id) and `{other}` (another identity's), so the
 * private-area cases hold for any two real identities; `resolveCase` fills them in. The emulator's template tests evaluate the
 * cases with `@auth-s3/iam` against the stack's policies; the S3 suites replay them over real HTTP
 * (`policy-matrix-http.ts`), against the emulator and against a deployed stack. Use
 * `toAuthorizationRequest` to turn a case into an `@auth-s3/iam` request for a given bucket.
 */
import type { AuthorizationRequest } from '@auth-s3/iam';

/** One request and the decision it must get. */
export interface PolicyMatrixCase {
  /** The S3 action, e.g. `s3:GetObject`. */
  action: string;
  /**
   * Object key; absent for bucket-level requests (ListBucket, PutBucketPolicy, DeleteBucket, …).
   * `{own}` and `{other}` stand for the caller's and another identity's identity id.
   */
  key?: string;
  /** Another bucket to send the request to instead of the stack's. */
  otherBucket?: string;
  /** `s3:prefix` of a list request (may hold `{own}`, `{other}`); absent: no prefix parameter. */
  prefix?: string;
  expected: 'Allow' | 'Deny';
}

/** A bucket name that is not the stack's. */
const OTHER_BUCKET = 'someone-elses-bucket';

const allowObject = (action: string, key: string): PolicyMatrixCase => ({ action, key, expected: 'Allow' });
const denyObject = (action: string, key: string): PolicyMatrixCase => ({ action, key, expected: 'Deny' });
const list = (
  prefix: string | undefined,
  expected: 'Allow' | 'Deny',
  action = 's3:ListBucket',
): PolicyMatrixCase => (prefix === undefined ? { action, expected } : { action, prefix, expected });
const listVersions = (prefix: string | undefined, expected: 'Allow' | 'Deny') =>
  list(prefix, expected, 's3:ListBucketVersions');

/** Every object action the role holds, in each area. */
const AREA_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:PutObject',
  's3:DeleteObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
];

/**
 * The private area with two identities: the caller's own `private/{own}/` allows every object
 * action and listing (objects and versions) at or below it; another identity's area, `private/`
 * itself and prefixes that only start like the own area (no slash, a longer id) are denied.
 */
const TWO_IDENTITY_CASES: PolicyMatrixCase[] = [
  ...AREA_ACTIONS.map((action) => allowObject(action, 'private/{own}/a.txt')),
  allowObject('s3:GetObject', 'private/{own}/dir/b c+d.txt'),
  allowObject('s3:PutObject', 'private/{own}/dir/b c+d.txt'),
  allowObject('s3:PutObject', 'private/{own}/'),
  list('private/{own}/', 'Allow'),
  list('private/{own}/dir/', 'Allow'),
  list('private/{own}/a', 'Allow'),
  listVersions('private/{own}/', 'Allow'),
  listVersions('private/{own}/dir/', 'Allow'),
  // Another identity's objects, listing and versions.
  ...AREA_ACTIONS.map((action) => denyObject(action, 'private/{other}/a.txt')),
  list('private/{other}/', 'Deny'),
  listVersions('private/{other}/', 'Deny'),
  // private/ alone, and look-alikes of the own area.
  listVersions('private/', 'Deny'),
  list('private', 'Deny'),
  list('private/{own}', 'Deny'),
  listVersions('private/{own}', 'Deny'),
  list('private/{own}x/', 'Deny'),
  denyObject('s3:GetObject', 'private/{own}'),
  denyObject('s3:PutObject', 'private/{own}x/a.txt'),
  denyObject('s3:GetObject', 'private/{own}x/a.txt'),
  denyObject('s3:PutObject', 'private/{own}.txt'),
  denyObject('s3:GetObject', 'Private/{own}/a.txt'),
  // Versions are read, never destroyed.
  denyObject('s3:DeleteObjectVersion', 'private/{own}/a.txt'),
];

/**
 * Every case of issues 2 and 12: what `public/` and the caller's own `private/{own}/` allow, and
 * what stays denied around them.
 */
export const POLICY_MATRIX: readonly PolicyMatrixCase[] = [
  // Objects under public/: read, write, delete, multipart.
  allowObject('s3:GetObject', 'public/a.txt'),
  allowObject('s3:PutObject', 'public/a.txt'),
  allowObject('s3:DeleteObject', 'public/a.txt'),
  allowObject('s3:GetObject', 'public/dir/b c+d.txt'),
  allowObject('s3:PutObject', 'public/dir/b c+d.txt'),
  allowObject('s3:DeleteObject', 'public/dir/b c+d.txt'),
  allowObject('s3:PutObject', 'public/'),
  allowObject('s3:AbortMultipartUpload', 'public/big.bin'),
  allowObject('s3:ListMultipartUploadParts', 'public/big.bin'),
  // Listing at or below public/.
  list('public/', 'Allow'),
  list('public/dir/', 'Allow'),
  list('public/a', 'Allow'),
  // Keys outside public/, including look-alikes.
  denyObject('s3:GetObject', 'private/a.txt'),
  denyObject('s3:PutObject', 'private/a.txt'),
  denyObject('s3:DeleteObject', 'private/a.txt'),
  denyObject('s3:GetObject', 'publicity/a.txt'),
  denyObject('s3:PutObject', 'publicity/a.txt'),
  denyObject('s3:GetObject', 'a.txt'),
  denyObject('s3:PutObject', 'a.txt'),
  denyObject('s3:DeleteObject', 'a.txt'),
  denyObject('s3:GetObject', 'public'),
  denyObject('s3:PutObject', 'Public/a.txt'),
  denyObject('s3:PutObject', 'private/public/a.txt'),
  // Another bucket's public/.
  { action: 's3:GetObject', key: 'public/a.txt', otherBucket: OTHER_BUCKET, expected: 'Deny' },
  { action: 's3:PutObject', key: 'public/a.txt', otherBucket: OTHER_BUCKET, expected: 'Deny' },
  { action: 's3:ListBucket', prefix: 'public/', otherBucket: OTHER_BUCKET, expected: 'Deny' },
  // Listing without a prefix, or outside public/.
  list(undefined, 'Deny'),
  list('', 'Deny'),
  list('private/', 'Deny'),
  list('public', 'Deny'),
  list('publicity/', 'Deny'),
  // Earlier versions of public/ may be read and listed, never deleted.
  allowObject('s3:GetObjectVersion', 'public/a.txt'),
  listVersions('public/', 'Allow'),
  listVersions(undefined, 'Deny'),
  listVersions('', 'Deny'),
  // Object actions the role does not hold, even under public/.
  denyObject('s3:DeleteObjectVersion', 'public/a.txt'),
  denyObject('s3:PutObjectAcl', 'public/a.txt'),
  denyObject('s3:GetObjectAcl', 'public/a.txt'),
  denyObject('s3:PutObjectTagging', 'public/a.txt'),
  // Bucket-level actions, and object actions on the bucket ARN itself.
  { action: 's3:PutBucketPolicy', expected: 'Deny' },
  { action: 's3:DeleteBucket', expected: 'Deny' },
  { action: 's3:GetBucketPolicy', expected: 'Deny' },
  { action: 's3:PutBucketCors', expected: 'Deny' },
  { action: 's3:ListBucketMultipartUploads', prefix: 'public/', expected: 'Deny' },
  { action: 's3:GetObject', expected: 'Deny' },
  { action: 's3:PutObject', expected: 'Deny' },
  ...TWO_IDENTITY_CASES,
];

/** The two identity ids `{own}` and `{other}` stand for. */
export interface MatrixIdentities {
  own: string;
  other: string;
}

/** Identity ids in the identity pool's shape (`region:uuid`) for evaluations without a pool. */
export const SAMPLE_IDENTITIES: MatrixIdentities = {
  own: 'us-east-1:00000000-0000-4000-8000-000000000000',
  other: 'us-east-1:11111111-1111-4111-8111-111111111111',
};

/** The case with `{own}` and `{other}` in its key and prefix replaced by the identity ids. */
export function resolveCase(testCase: PolicyMatrixCase, identities: MatrixIdentities): PolicyMatrixCase {
  const fill = (text: string | undefined) =>
    text?.replaceAll('{own}', identities.own).replaceAll('{other}', identities.other);
  const resolved = { ...testCase };
  if (testCase.key !== undefined) resolved.key = fill(testCase.key);
  if (testCase.prefix !== undefined) resolved.prefix = fill(testCase.prefix);
  return resolved;
}

/** The caller: the authenticated role's session, as the identity pool issues it. */
export interface MatrixCaller {
  /** e.g. `arn:aws:iam::000000000000:role/AuthS3Stack-…` */
  roleArn: string;
  /** @default 'CognitoIdentityCredentials' */
  sessionName?: string;
  /**
   * The caller's identity id (`cognito-identity.amazonaws.com:sub`, the identity pool's id, not the
   * user pool's sub) and another identity's, for `{own}` and `{other}`. @default SAMPLE_IDENTITIES
   */
  identities?: MatrixIdentities;
  /** `aws:SecureTransport`. @default true */
  secureTransport?: boolean;
}

/** `arn:aws:s3:::<bucket>` or `arn:aws:s3:::<bucket>/<key>` for the case. */
function caseResourceArn(testCase: PolicyMatrixCase, bucketName: string): string {
  const bucket = testCase.otherBucket ?? bucketName;
  return testCase.key === undefined ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${testCase.key}`;
}

/** A one-line label for test names, e.g. `s3:ListBucket prefix "public/" → Allow`. */
export function caseLabel(testCase: PolicyMatrixCase): string {
  const where = testCase.key !== undefined ? ` ${JSON.stringify(testCase.key)}` : ' (bucket)';
  const other = testCase.otherBucket ? ` in ${testCase.otherBucket}` : '';
  const prefix = testCase.prefix !== undefined ? ` prefix ${JSON.stringify(testCase.prefix)}` : '';
  return `${testCase.action}${where}${other}${prefix} → ${testCase.expected}`;
}

/** The case as an `@auth-s3/iam` request against `bucketName`, made by `caller`. */
export function toAuthorizationRequest(
  matrixCase: PolicyMatrixCase,
  bucketName: string,
  caller: MatrixCaller,
): AuthorizationRequest {
  const identities = caller.identities ?? SAMPLE_IDENTITIES;
  const testCase = resolveCase(matrixCase, identities);
  const [, , , , account = '', rolePath = ''] = caller.roleArn.split(':');
  const roleName = rolePath.slice(rolePath.lastIndexOf('/') + 1);
  const context: AuthorizationRequest['context'] = {
    'aws:SecureTransport': caller.secureTransport ?? true,
    'cognito-identity.amazonaws.com:sub': identities.own,
  };
  if (testCase.prefix !== undefined) context['s3:prefix'] = testCase.prefix;
  return {
    action: testCase.action,
    resource: caseResourceArn(testCase, bucketName),
    principal: {
      arn: `arn:aws:sts::${account}:assumed-role/${roleName}/${caller.sessionName ?? 'CognitoIdentityCredentials'}`,
      roleArn: caller.roleArn,
      account,
    },
    context,
  };
}
