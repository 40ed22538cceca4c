/*
 * Temporary AWS credentials handed out by GetCredentialsForIdentity and checked by the S3
 * service on every request: the contract between the identity pool and S3 halves.
 */

export interface IssuedCredentials {
  /** `ASIA…`, 20 characters. */
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch ms. */
  expiration: number;
  /** The role the identity pool attached, e.g. `arn:aws:iam::000000000000:role/AuthS3Stack-AuthenticatedRole…`. */
  roleArn: string;
  /** e.g. `us-east-1:5f1c…`, the value of `${cognito-identity.amazonaws.com:sub}`. */
  identityId: string;
  /**
   * `<provider name>:<sub>` of the login the identity was authenticated with, e.g.
   * `cognito-idp.us-east-1.amazonaws.com/us-east-1_Abc:5f1c…`; absent for unauthenticated identities.
   * S3 builds `cognito-identity.amazonaws.com:amr` from it as AWS does.
   */
  login?: string;
}

/** Finds the credentials for an access key id; `undefined` when the emulator never issued it. */
export type CredentialsLookup = (accessKeyId: string) => IssuedCredentials | undefined;
