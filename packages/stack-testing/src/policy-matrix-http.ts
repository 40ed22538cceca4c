/*
 * The stack's allow/deny matrix (`policy-matrix.ts`) turned into S3 calls, so the emulator's S3
 * and a deployed stack's bucket can be held to the same verdicts over real HTTP. A replay signs
 * with one identity's credentials and names a second identity of the same pool, whose ids fill the
 * cases' `{own}` and `{other}`. Two cases have no
 * HTTP form (an object action on the bucket ARN itself: `GET /bucket` is a listing) and are left
 * out with that reason.
 */
import {
  AbortMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketPolicyCommand,
  GetObjectAclCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  ListPartsCommand,
  PutBucketCorsCommand,
  PutBucketPolicyCommand,
  PutObjectAclCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import {
  caseLabel,
  type MatrixIdentities,
  POLICY_MATRIX,
  type PolicyMatrixCase,
  resolveCase,
} from './policy-matrix.js';

/** Any S3 command (the SDK's command types do not share one assignable base type). */
type Call = object;

/** One matrix case with the request that makes it. */
interface HttpMatrixCase {
  label: string;
  case: PolicyMatrixCase;
  /** The SDK command that makes this request against `bucket`, as the identity `identities.own`. */
  call(bucket: string, identities: MatrixIdentities): Call;
}

const UPLOAD_ID = '0'.repeat(48);

function callFor(c: PolicyMatrixCase): ((bucket: string) => Call) | undefined {
  const key = c.key;
  // The version id S3's own documentation uses as an example: well-formed, stored nowhere.
  const VersionId = '3/L4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo';
  const on = (bucket: string) => c.otherBucket ?? bucket;
  const prefix = c.prefix;
  if (key === undefined) {
    switch (c.action) {
      case 's3:ListBucket':
        return (b) => new ListObjectsV2Command({ Bucket: on(b), Prefix: prefix });
      case 's3:ListBucketVersions':
        return (b) => new ListObjectVersionsCommand({ Bucket: on(b), Prefix: prefix });
      case 's3:ListBucketMultipartUploads':
        return (b) => new ListMultipartUploadsCommand({ Bucket: on(b), Prefix: prefix });
      case 's3:PutBucketPolicy':
        return (b) => new PutBucketPolicyCommand({ Bucket: on(b), Policy: '{}' });
      case 's3:GetBucketPolicy':
        return (b) => new GetBucketPolicyCommand({ Bucket: on(b) });
      case 's3:PutBucketCors':
        return (b) => new PutBucketCorsCommand({ Bucket: on(b), CORSConfiguration: { CORSRules: [] } });
      case 's3:DeleteBucket':
        return (b) => new DeleteBucketCommand({ Bucket: on(b) });
      default:
        return undefined;
    }
  }
  const Key = key;
  switch (c.action) {
    case 's3:GetObject':
      return (b) => new GetObjectCommand({ Bucket: on(b), Key });
    case 's3:PutObject':
      return (b) => new PutObjectCommand({ Bucket: on(b), Key, Body: 'matrix' });
    case 's3:DeleteObject':
      return (b) => new DeleteObjectCommand({ Bucket: on(b), Key });
    case 's3:AbortMultipartUpload':
      return (b) => new AbortMultipartUploadCommand({ Bucket: on(b), Key, UploadId: UPLOAD_ID });
    case 's3:ListMultipartUploadParts':
      return (b) => new ListPartsCommand({ Bucket: on(b), Key, UploadId: UPLOAD_ID });
    case 's3:GetObjectVersion':
      return (b) => new GetObjectCommand({ Bucket: on(b), Key, VersionId });
    case 's3:DeleteObjectVersion':
      return (b) => new DeleteObjectCommand({ Bucket: on(b), Key, VersionId });
    case 's3:PutObjectAcl':
      return (b) => new PutObjectAclCommand({ Bucket: on(b), Key, ACL: 'public-read' });
    case 's3:GetObjectAcl':
      return (b) => new GetObjectAclCommand({ Bucket: on(b), Key });
    case 's3:PutObjectTagging':
      return (b) => new PutObjectTaggingCommand({ Bucket: on(b), Key, Tagging: { TagSet: [] } });
    default:
      return undefined;
  }
}

/** Every matrix case that has an HTTP form. */
export const HTTP_MATRIX: HttpMatrixCase[] = POLICY_MATRIX.flatMap((c) => {
  if (!callFor(c)) return [];
  const call = (bucket: string, identities: MatrixIdentities) =>
    (callFor(resolveCase(c, identities)) as (bucket: string) => Call)(bucket);
  return [{ label: caseLabel(c), case: c, call }];
});

/** The cases without one (object actions on the bucket ARN). */
export const CASES_WITHOUT_HTTP_FORM = POLICY_MATRIX.filter((c) => !callFor(c));

/**
 * `AccessDenied`, or `served` when authorization let the request through (it may still fail for
 * another reason: NoSuchKey, NoSuchUpload, NotImplemented), or `NoSuchBucket` for a bucket the
 * emulator does not have.
 */
export async function outcome(client: S3Client, call: Call): Promise<string> {
  try {
    await client.send(call as never);
    return 'served';
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'AccessDenied' || name === 'NoSuchBucket') return name;
    return `served (${name})`;
  }
}

/** Whether an outcome carries the matrix's verdict. Another bucket does not exist locally: NoSuchBucket. */
export function agrees(c: PolicyMatrixCase, result: string): boolean {
  if (c.expected === 'Allow') return result.startsWith('served');
  return result === 'AccessDenied' || (c.otherBucket !== undefined && result === 'NoSuchBucket');
}

/**
 * The key an allowed read needs to exist, if the case is one. S3 answers a read of a missing key
 * with 403 AccessDenied, not 404, when the caller may not list that key (GetObject, "Permissions":
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html), and the role lists only with
 * a prefix of an area: a replay puts this object first, so that an allowed read is told apart from a
 * denied one.
 */
export function objectToSeed(c: PolicyMatrixCase, identities: MatrixIdentities): string | undefined {
  return c.expected === 'Allow' && c.action === 's3:GetObject' ? resolveCase(c, identities).key : undefined;
}
