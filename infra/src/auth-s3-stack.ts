/*
 * The one stack of auth-s3: a user pool and client, an identity pool whose authenticated role may
 * touch only `public/` and the caller's own `private/<identity id>/` in the file bucket, the
 * bucket and its log bucket, and the outputs the web app reads. `ephemeral` turns the stack into a throwaway one that deletes cleanly.
 */
import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { grantFileAreaAccess } from './file-area-access.js';
import { FileBucket } from './file-bucket.js';
import { Identity } from './identity.js';
import { addStackOutputs } from './stack-outputs.js';
import { UserAuth } from './user-auth.js';

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
}

/** Cognito sign-up/sign-in, an identity pool, and least-privilege S3 access under `public/` and `private/<identity id>/`. */
export class AuthS3Stack extends Stack {
  /** The user pool and its app client. */
  readonly userAuth: UserAuth;
  /** The identity pool and its authenticated role. */
  readonly identity: Identity;
  /** The file bucket and its access-log bucket. */
  readonly files: FileBucket;

  constructor(scope: Construct, id: string, props: AuthS3StackProps = {}) {
    super(scope, id, props);
    const ephemeral = props.ephemeral ?? false;
    const removalPolicy = ephemeral ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.userAuth = new UserAuth(this, 'UserAuth', { removalPolicy, deletionProtection: !ephemeral });
    this.identity = new Identity(this, 'Identity', {
      userPool: this.userAuth.userPool,
      userPoolClient: this.userAuth.userPoolClient,
    });
    this.files = new FileBucket(this, 'FileBucket', {
      webOrigins: props.webOrigins,
      removalPolicy,
      autoDeleteObjects: ephemeral,
    });
    grantFileAreaAccess(this.identity.authenticatedRole, this.files.bucket);

    addStackOutputs(this, {
      userPool: this.userAuth.userPool,
      userPoolClientId: this.userAuth.userPoolClient.userPoolClientId,
      identityPoolId: this.identity.identityPool.identityPoolId,
      bucketName: this.files.bucket.bucketName,
    });
  }
}
