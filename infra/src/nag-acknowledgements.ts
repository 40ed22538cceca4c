/*
 * The cdk-nag AwsSolutions findings this stack accepts, each acknowledged on the construct it is
 * about, with the exact finding id and the reason in code. Anything not listed here fails the nag
 * test (`test/nag.test.ts`), so a new finding needs a fix or a reasoned line below.
 */
import { type CfnResource, DefaultStackSynthesizer, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { AuthS3Stack } from './auth-s3-stack.js';
import type { SiteHosting } from './site-hosting.js';

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
    ...(stack.hosting ? hostingAcknowledgements(stack.hosting) : []),
  ];
}

/**
 * The hosting's findings: the distribution's optional extras (each billed at rest, or needing a
 * domain the stack does not have), and the permissions and runtime of the bucket deployment's
 * handler, a Lambda function that aws-cdk-lib writes and runs only while CloudFormation deploys.
 */
function hostingAcknowledgements(hosting: SiteHosting): NagAcknowledgement[] {
  const stack = Stack.of(hosting);
  const distribution = hosting.distribution.node.defaultChild as CfnResource;
  const siteBucket = hosting.bucket.node.defaultChild as CfnResource;
  const handlerRole = hosting.entryDeployment.handlerRole;
  const handler = handlerRole.node.scope;
  const handlerPolicy = handlerRole.node.tryFindChild('DefaultPolicy');
  if (handler === undefined || handlerPolicy === undefined) {
    throw new Error("The bucket deployment's handler role has no function or DefaultPolicy; see aws-cdk-lib");
  }
  const siteBucketId = stack.resolve(stack.getLogicalId(siteBucket)) as string;
  const handlerGrant = (subject: string, reason: string): NagAcknowledgement => ({
    construct: handlerPolicy,
    id: `AwsSolutions-IAM5[${subject}]`,
    reason: `The bucket deployment's handler (aws-cdk-lib, runs only during deploys): ${reason}`,
  });
  const reads = 'CDK grants read of the objects it copies, by prefix, as it does for every asset.';
  const writes = 'it replaces and (for stale multipart uploads) aborts objects in the site bucket only.';
  return [
    {
      construct: distribution,
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: the app is for anyone who has an account, wherever they are.',
    },
    {
      construct: distribution,
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF web ACL: it is billed monthly at rest, and the site is static files; sign-in and file ' +
        'requests go to Cognito and S3, which authenticate and throttle them themselves.',
    },
    {
      construct: distribution,
      id: 'AwsSolutions-CFR3',
      reason:
        'No CloudFront access logs: they need a log bucket with ACLs and cost storage for public, ' +
        'static files; turn them on per deployment when viewer logs are needed.',
    },
    {
      construct: distribution,
      id: 'AwsSolutions-CFR4',
      reason:
        'The site uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; a ' +
        'minimum of TLS 1.2 needs a custom domain and an ACM certificate, which the stack does not have.',
    },
    {
      construct: siteBucket,
      id: 'AwsSolutions-S1',
      reason:
        'No server access logs on the site bucket: only CloudFront reads it, and what it holds is the ' +
        'public build, rewritten by every deploy.',
    },
    {
      construct: handler,
      id: 'AwsSolutions-L1',
      reason:
        "aws-cdk-lib picks the bucket deployment handler's runtime (it bundles the AWS CLI layer for " +
        'it); it moves with aws-cdk-lib upgrades and runs only during deploys.',
    },
    {
      construct: handlerRole,
      id: `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]`,
      reason:
        "The bucket deployment's handler (aws-cdk-lib) writes only its own logs with AWSLambdaBasicExecutionRole.",
    },
    handlerGrant('Action::s3:GetBucket*', reads),
    handlerGrant('Action::s3:GetObject*', reads),
    handlerGrant('Action::s3:List*', reads),
    handlerGrant(`Resource::${assetBucketArn(stack)}/*`, reads),
    handlerGrant('Action::s3:Abort*', writes),
    handlerGrant('Action::s3:DeleteObject*', writes),
    handlerGrant(`Resource::<${siteBucketId}.Arn>/*`, writes),
    handlerGrant(
      'Resource::*',
      'CloudFront invalidations have no resource-level scoping in the grant CDK writes; it only creates ' +
        "and reads invalidations (of this site's distribution) after each upload.",
    ),
  ];
}

/** The CDK bootstrap asset bucket's ARN as cdk-nag prints it (pseudo parameters as `<AWS::…>`). */
function assetBucketArn(stack: Stack): string {
  const pseudo = (value: string, name: string) => (Token.isUnresolved(value) ? `<${name}>` : value);
  const qualifier = stack.synthesizer.bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const bucket = DefaultStackSynthesizer.DEFAULT_FILE_ASSETS_BUCKET_NAME.replace(/\$\{Qualifier\}/, qualifier)
    .replace(/\$\{AWS::AccountId\}/, '<AWS::AccountId>')
    .replace(/\$\{AWS::Region\}/, pseudo(stack.region, 'AWS::Region'));
  return `arn:${pseudo(stack.partition, 'AWS::Partition')}:s3:::${bucket}`;
}

/** Records every {@link nagAcknowledgements} entry with `Validations.of(construct).acknowledge`. */
export function acknowledgeNagFindings(stack: AuthS3Stack): void {
  for (const { construct, id, reason } of nagAcknowledgements(stack)) {
    Validations.of(construct).acknowledge({ id, reason });
  }
}
