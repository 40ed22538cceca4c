/*
 * The one stack of auth-s3: a user pool and client, an identity pool whose authenticated role may
 * touch only `public/` in the file bucket, the bucket and its log bucket, the outputs the web
 * app reads and, given the app's build, its hosting on CloudFront. `ephemeral` turns the stack
 * into a throwaway one that deletes cleanly.
 */
import { SITE_OUTPUTS_FILE, STACK_NAME } from '@auth-s3/outputs';
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { DEFAULT_WEB_ORIGINS } from './app-context.js';
import { awsApiOrigins } from './content-security-policy.js';
import { FileBucket } from './file-bucket.js';
import { Identity } from './identity.js';
import { grantPublicPrefixAccess } from './public-prefix-access.js';
import { SiteHosting } from './site-hosting.js';
import { addStackOutputs, type StackOutputValues, stackOutputsFile } from './stack-outputs.js';
import { UserAuth } from './user-auth.js';

/** The CORS origin pattern of every CloudFront distribution's default domain. */
const CLOUDFRONT_ORIGINS = 'https://*.cloudfront.net';

/** Options for {@link AuthS3Stack}. */
export interface AuthS3StackProps extends StackProps {
  /**
   * A throwaway stack: the user pool and buckets are destroyed with it (buckets emptied first) and
   * the user pool has no deletion protection. Leave off for anything holding real users or files.
   * @default false
   */
  readonly ephemeral?: boolean;
  /**
   * Browser origins allowed by the bucket's CORS rule.
   * @default ['http://localhost:5173']
   */
  readonly webOrigins?: string[];
  /**
   * The web app's production build (`packages/web/dist`) to serve from CloudFront; leave out to
   * host the app elsewhere (the app's `-c hosting=false`).
   * @default no hosting
   */
  readonly siteDirectory?: string;
}

/** Cognito sign-up/sign-in, an identity pool, and least-privilege S3 access under `public/`. */
export class AuthS3Stack extends Stack {
  /** The user pool and its app client. */
  readonly userAuth: UserAuth;
  /** The identity pool and its authenticated role. */
  readonly identity: Identity;
  /** The file bucket and its access-log bucket. */
  readonly files: FileBucket;
  /** The site bucket and CloudFront distribution; absent without `siteDirectory`. */
  readonly hosting?: SiteHosting;

  constructor(scope: Construct, id: string, props: AuthS3StackProps = {}) {
    super(scope, id, props);
    const ephemeral = props.ephemeral ?? false;
    const removalPolicy = ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.userAuth = new UserAuth(this, 'UserAuth', { removalPolicy, deletionProtection: !ephemeral });
    this.identity = new Identity(this, 'Identity', {
      userPool: this.userAuth.userPool,
      userPoolClient: this.userAuth.userPoolClient,
    });
    const webOrigins = props.webOrigins ?? DEFAULT_WEB_ORIGINS;
    this.files = new FileBucket(this, 'FileBucket', {
      // The distribution's own origin cannot be named here: its CSP names this bucket, so the
      // bucket naming the distribution would be a cycle CloudFormation refuses. Every distribution
      // has a *.cloudfront.net origin; CORS grants no access (each request still needs the user's
      // SigV4 credentials), it only lets the site's page read the answers.
      webOrigins: props.siteDirectory === undefined ? webOrigins : [...webOrigins, CLOUDFRONT_ORIGINS],
      removalPolicy,
      autoDeleteObjects: ephemeral,
    });
    grantPublicPrefixAccess(this.identity.authenticatedRole, this.files.bucket);

    const values: StackOutputValues = {
      userPool: this.userAuth.userPool,
      userPoolClientId: this.userAuth.userPoolClient.userPoolClientId,
      identityPoolId: this.identity.identityPool.identityPoolId,
      bucketName: this.files.bucket.bucketName,
    };
    if (props.siteDirectory !== undefined) {
      this.hosting = new SiteHosting(this, 'SiteHosting', {
        siteDirectory: props.siteDirectory,
        apiOrigins: awsApiOrigins(this.region, this.files.bucket.bucketName),
        outputsFileName: SITE_OUTPUTS_FILE,
        // The same shape as `cdk deploy --outputs-file`: `{ "AuthS3Stack": { "<Key>": "<value>" } }`.
        outputsFile: (siteUrl) => ({ [STACK_NAME]: stackOutputsFile(this, { ...values, siteUrl }) }),
      });
    }
    addStackOutputs(this, { ...values, siteUrl: this.hosting?.siteUrl });
  }
}
