/*
 * The authenticated role's S3 permissions, written out statement by statement rather than with
 * CDK's grant helpers (which add actions such as s3:GetObject* and s3:List* that the role must not
 * hold). Objects under `public/` may be read, written and deleted; the bucket may be listed only
 * with a prefix of `public/` or below.
 */
import { Effect, type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';

/** The key prefix signed-in users may touch. */
export const PUBLIC_PREFIX = 'public/';

/** Object actions allowed on `<bucket>/public/*`. */
export const PUBLIC_OBJECT_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:AbortMultipartUpload',
  's3:ListMultipartUploadParts',
] as const;

/** The two statements that make up the role's whole S3 access to `bucket`. */
export function publicPrefixStatements(bucket: IBucket): PolicyStatement[] {
  return [
    new PolicyStatement({
      sid: 'PublicPrefixObjects',
      effect: Effect.ALLOW,
      actions: [...PUBLIC_OBJECT_ACTIONS],
      resources: [bucket.arnForObjects(`${PUBLIC_PREFIX}*`)],
    }),
    new PolicyStatement({
      sid: 'ListPublicPrefix',
      effect: Effect.ALLOW,
      actions: ['s3:ListBucket'],
      resources: [bucket.bucketArn],
      conditions: { StringLike: { 's3:prefix': [PUBLIC_PREFIX, `${PUBLIC_PREFIX}*`] } },
    }),
  ];
}

/** Adds {@link publicPrefixStatements} to `role`'s default inline policy. */
export function grantPublicPrefixAccess(role: IRole, bucket: IBucket): void {
  for (const statement of publicPrefixStatements(bucket)) role.addToPrincipalPolicy(statement);
}
