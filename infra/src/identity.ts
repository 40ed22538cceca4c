/*
 * The Cognito identity pool that trades a user pool id token for temporary AWS credentials of one
 * authenticated role. Guests get nothing: unauthenticated identities are off, and the role starts
 * with no permissions; the stack grants it exactly the S3 access it needs.
 */

import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { IdentityPool, UserPoolAuthenticationProvider } from 'aws-cdk-lib/aws-cognito-identitypool';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/** Options for {@link Identity}. */
export interface IdentityProps {
  /** The user pool whose signed-in users get credentials. */
  readonly userPool: IUserPool;
  /** The only client whose tokens the identity pool accepts. */
  readonly userPoolClient: IUserPoolClient;
  /**
   * Whether the identity pool also hands out credentials to people who have not signed in.
   * @default false
   */
  readonly allowUnauthenticatedIdentities?: boolean;
}

/** An identity pool federated with one user pool client, and its authenticated role. */
export class Identity extends Construct {
  /** The identity pool (`AWS::Cognito::IdentityPool` plus its role attachment). */
  readonly identityPool: IdentityPool;
  /** The role signed-in users assume; it trusts only this identity pool's authenticated identities. */
  readonly authenticatedRole: IRole;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);
    this.identityPool = new IdentityPool(this, 'IdentityPool', {
      allowUnauthenticatedIdentities: props.allowUnauthenticatedIdentities ?? false,
      allowClassicFlow: false,
      authenticationProviders: {
        userPools: [
          new UserPoolAuthenticationProvider({
            userPool: props.userPool,
            userPoolClient: props.userPoolClient,
            disableServerSideTokenCheck: false,
          }),
        ],
      },
    });
    this.authenticatedRole = this.identityPool.authenticatedRole;
  }
}
