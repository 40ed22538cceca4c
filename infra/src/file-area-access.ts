/*
 * The authenticated role's S3 permissions, written out statement by statement rather than with
 * CDK's grant helpers (which add actions such as s3:GetObject* and s3:List* that the role must not
 * hold). Two areas: `public/`, shared by every signed-in user, and `private/<identity id>/`, each
 * identity's own. In both, objects may be read, written and deleted and earlier versions read; the
 * bucket may be listed (current objects and versions) only with a prefix of an area or below. No
 * s3:DeleteObjectVersion: nothing done through this role can destroy a version, so the bucket's
 * non-current versions stay a safety net until the lifecycle rule expires them.
 *
 * The private area is keyed by the IAM policy variable `${cognito-identity.amazonaws.com:sub}`,
 * which is the identity POOL's identity id (`us-east-1:1b2c…`, region and UUID), not the user
 * pool's `sub` claim of the ID token. The app learns it from GetId after sign-in.
 */
import { FILE_AREAS, privatePrefix } from '@auth-s3/outputs';
import { Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

/**
 * The caller's own area as IAM sees it (the areas are the outputs contract's): IAM fills
 * `${cognito-identity.amazonaws.com:sub}` with the identity pool's identity id (`region:uuid`),
 * NOT the user pool's `sub`.
 */
// biome-ignore lint/suspicious/noTemplateCurlyInString: an IAM policy variable, substituted by IAM, not by JavaScript.
const OWN_AREA = privatePrefix(FILE_AREAS.privatePrefixPattern, '${cognito-identity.amazonaws.com:sub}');

/** Object actions allowed in each area. */
const AREA_OBJECT_ACTIONS = [
  's3:GetObject',
  's3:GetObjectVersion',
  's3:PutObject',
  's3:DeleteObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
] as const;

/** The two statements that make up the role's whole S3 access to `bucket`. */
export function fileAreaStatements(bucket: IBucket): PolicyStatement[] {
  const areas = [FILE_AREAS.publicPrefix, OWN_AREA];
  return [
    new PolicyStatement({
      sid: 'AreaObjects',
      effect: Effect.ALLOW,
      actions: [...AREA_OBJECT_ACTIONS],
      resources: areas.map((area) => bucket.arnForObjects(`${area}*`)),
    }),
    new PolicyStatement({
      sid: 'ListAreas',
      effect: Effect.ALLOW,
      // ListBucketVersions lets the app show and restore earlier versions (by copying one back).
      actions: ['s3:ListBucket', 's3:ListBucketVersions'],
      resources: [bucket.bucketArn],
      // The area itself or below; `private/` alone, or a look-alike without the slash, matches neither.
      conditions: { StringLike: { 's3:prefix': areas.flatMap((area) => [area, `${area}*`]) } },
    }),
  ];
}

/** Adds {@link fileAreaStatements} to `role`'s default inline policy. */
export function grantFileAreaAccess(role: IRole, bucket: IBucket): void {
  for (const statement of fileAreaStatements(bucket)) role.addToPrincipalPolicy(statement);
}
