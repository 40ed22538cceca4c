/*
 * The cdk-nag AwsSolutions findings this stack accepts, each acknowledged on the construct it is
 * about, with the exact finding id and the reason in code. Anything not listed here fails the nag
 * test (`test/nag.test.ts`), so a new finding needs a fix or a reasoned line below.
 */
import { type CfnResource, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { AuthS3Stack } from './auth-s3-stack.js';

/** One acknowledged finding: where, which, and why. */
export interface NagAcknowledgement {
  readonly construct: IConstruct;
  readonly id: string;
  readonly reason: string;
}

/** The findings the stack acknowledges, with the exact ids cdk-nag reports for them. */
export function nagAcknowledgements(stack: AuthS3Stack): NagAcknowledgement[] {
  const userPool = stack.userAuth.userPool.node.defaultChild as CfnResource;
  const bucket = stack.files.bucket.node.defaultChild as CfnResource;
  const bucketLogicalId = Stack.of(stack).resolve(Stack.of(stack).getLogicalId(bucket)) as string;
  const rolePolicy = stack.identity.authenticatedRole.node.tryFindChild('DefaultPolicy');
  if (rolePolicy === undefined) {
    throw new Error(
      'The authenticated role has no DefaultPolicy; grant its S3 access before acknowledging IAM5',
    );
  }
  return [
    {
      construct: userPool,
      id: 'AwsSolutions-COG2',
      reason:
        'MFA is optional by design: the app signs people in with email + password (SRP); MFA would need ' +
        'SMS or TOTP enrolment screens that the app does not have yet.',
    },
    {
      construct: userPool,
      id: 'AwsSolutions-COG8',
      reason:
        'The Essentials feature plan keeps the stack free at rest; Plus (threat protection) is billed per ' +
        'monthly active user and can be turned on per deployment.',
    },
    {
      construct: rolePolicy,
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/public/*]`,
      reason:
        'The wildcard is the key prefix itself: signed-in users may read, write and delete any object under ' +
        'public/ of this one bucket, and nothing outside it (see the policy matrix of @auth-s3/stack-testing).',
    },
    {
      construct: rolePolicy,
      id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/private/<cognito-identity.amazonaws.com:sub>/*]`,
      reason:
        "The wildcard is the caller's own area: the policy variable cognito-identity.amazonaws.com:sub is the caller's identity " +
        'pool identity id, so each signed-in user may read, write and delete objects (and read their versions) ' +
        "under their own private/<identity id>/ only, never another identity's (see the two-identity cases of " +
        'the policy matrix in @auth-s3/stack-testing).',
    },
  ];
}

/** Records every {@link nagAcknowledgements} entry with `Validations.of(construct).acknowledge`. */
export function acknowledgeNagFindings(stack: AuthS3Stack): void {
  for (const { construct, id, reason } of nagAcknowledgements(stack)) {
    Validations.of(construct).acknowledge({ id, reason });
  }
}
