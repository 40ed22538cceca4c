/*
 * The site bucket's access matrix as data (issue 15): who may read the hosted web app's files. Only
 * CloudFront acting for the stack's own distribution (Origin Access Control: the service principal
 * `cloudfront.amazonaws.com` with `aws:SourceArn` = the distribution's ARN) may read; another
 * distribution, an anonymous caller, the identity pool's authenticated role and any other service
 * may not, and nobody may write or list through these doors. infra's tests evaluate every case with
 * `@auth-s3/iam` against the synthesized site bucket policy; `toSiteAuthorizationRequest` turns a
 * case into the request.
 */
import type { AuthorizationRequest } from '@auth-s3/iam';

/** Who makes the request. */
export type SiteCaller =
  /** CloudFront, signing for the stack's distribution. */
  | 'distribution'
  /** CloudFront, signing for a distribution of someone else (the confused-deputy case). */
  | 'otherDistribution'
  /** CloudFront with no source distribution in the request. */
  | 'cloudfrontWithoutSource'
  /** An unsigned request. */
  | 'anonymous'
  /** A signed-in user's session of the identity pool's authenticated role. */
  | 'authenticatedRole'
  /** Another AWS service, even one claiming the stack's distribution as its source. */
  | 'otherService';

/** One request to the site bucket and the decision it must get. */
export interface SiteBucketMatrixCase {
  caller: SiteCaller;
  /** The S3 action, e.g. `s3:GetObject`. */
  action: string;
  /** Object key; absent for bucket-level requests. */
  key?: string;
  /** `aws:SecureTransport`. @default true */
  secureTransport?: boolean;
  expected: 'Allow' | 'Deny';
}

/** The stack's values a case is evaluated against. */
export interface SiteMatrixTarget {
  /** The site bucket's name. */
  bucketName: string;
  /** `arn:aws:cloudfront::<account>:distribution/<id>` of the stack's distribution. */
  distributionArn: string;
  /** The identity pool's authenticated role ARN, `arn:aws:iam::<account>:role/<name>`. */
  authenticatedRoleArn: string;
}

const read = (caller: SiteCaller, key: string, expected: 'Allow' | 'Deny'): SiteBucketMatrixCase => ({
  caller,
  action: 's3:GetObject',
  key,
  expected,
});

/** Every caller against the files the site serves, and the writes and listings nobody gets. */
export const SITE_BUCKET_MATRIX: readonly SiteBucketMatrixCase[] = [
  // The distribution reads what it serves, at any key.
  read('distribution', 'index.html', 'Allow'),
  read('distribution', 'aws-outputs.json', 'Allow'),
  read('distribution', 'assets/index-0.js', 'Allow'),
  // …but only over TLS, and only reads.
  {
    caller: 'distribution',
    action: 's3:GetObject',
    key: 'index.html',
    secureTransport: false,
    expected: 'Deny',
  },
  { caller: 'distribution', action: 's3:PutObject', key: 'index.html', expected: 'Deny' },
  { caller: 'distribution', action: 's3:DeleteObject', key: 'index.html', expected: 'Deny' },
  { caller: 'distribution', action: 's3:ListBucket', expected: 'Deny' },
  { caller: 'distribution', action: 's3:GetObject', expected: 'Deny' },
  // Nobody else reads.
  read('otherDistribution', 'index.html', 'Deny'),
  read('otherDistribution', 'aws-outputs.json', 'Deny'),
  read('cloudfrontWithoutSource', 'index.html', 'Deny'),
  read('anonymous', 'index.html', 'Deny'),
  read('anonymous', 'assets/index-0.js', 'Deny'),
  read('authenticatedRole', 'index.html', 'Deny'),
  read('authenticatedRole', 'aws-outputs.json', 'Deny'),
  read('otherService', 'index.html', 'Deny'),
  // Nor writes or lists.
  { caller: 'anonymous', action: 's3:PutObject', key: 'index.html', expected: 'Deny' },
  { caller: 'anonymous', action: 's3:ListBucket', expected: 'Deny' },
  { caller: 'authenticatedRole', action: 's3:PutObject', key: 'index.html', expected: 'Deny' },
  { caller: 'authenticatedRole', action: 's3:ListBucket', expected: 'Deny' },
  { caller: 'otherDistribution', action: 's3:PutObject', key: 'index.html', expected: 'Deny' },
];

/** A one-line label for test names, e.g. `distribution s3:GetObject "index.html" → Allow`. */
export function siteCaseLabel(testCase: SiteBucketMatrixCase): string {
  const where = testCase.key !== undefined ? ` ${JSON.stringify(testCase.key)}` : ' (bucket)';
  const plain = testCase.secureTransport === false ? ' over plain HTTP' : '';
  return `${testCase.caller} ${testCase.action}${where}${plain} → ${testCase.expected}`;
}

/** The case as an `@auth-s3/iam` request against `target`, with the context AWS would add. */
export function toSiteAuthorizationRequest(
  testCase: SiteBucketMatrixCase,
  target: SiteMatrixTarget,
): AuthorizationRequest {
  const bucketArn = `arn:aws:s3:::${target.bucketName}`;
  const resource = testCase.key === undefined ? bucketArn : `${bucketArn}/${testCase.key}`;
  const context: AuthorizationRequest['context'] = {
    'aws:SecureTransport': testCase.secureTransport ?? true,
  };
  const [, , , , account = ''] = target.distributionArn.split(':');
  const viaService = (service: string, sourceArn: string | undefined): AuthorizationRequest => ({
    action: testCase.action,
    resource,
    principal: { service },
    context:
      sourceArn === undefined
        ? context
        : { ...context, 'aws:SourceArn': sourceArn, 'aws:SourceAccount': account },
  });
  switch (testCase.caller) {
    case 'distribution':
      return viaService('cloudfront.amazonaws.com', target.distributionArn);
    case 'otherDistribution':
      return viaService(
        'cloudfront.amazonaws.com',
        target.distributionArn.replace(/[^/]+$/, 'E2OTHERDISTRIBUTION'),
      );
    case 'cloudfrontWithoutSource':
      return viaService('cloudfront.amazonaws.com', undefined);
    case 'otherService':
      return viaService('lambda.amazonaws.com', target.distributionArn);
    case 'anonymous':
      return { action: testCase.action, resource, principal: { anonymous: true }, context };
    case 'authenticatedRole': {
      const roleName = target.authenticatedRoleArn.slice(target.authenticatedRoleArn.lastIndexOf('/') + 1);
      return {
        action: testCase.action,
        resource,
        principal: {
          arn: `arn:aws:sts::${account}:assumed-role/${roleName}/CognitoIdentityCredentials`,
          roleArn: target.authenticatedRoleArn,
          account,
        },
        context,
      };
    }
  }
}
