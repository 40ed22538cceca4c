/*
 * What the emulator knows about the deployed stack, read from the synthesized CloudFormation
 * template (see `template/`). Every service of the emulator works from this model, with the
 * physical ids the emulator assigns (stable across restarts: kept in the data dir).
 */
import type { NamedPolicy } from '@auth-s3/iam';
import type { FileAreas, PasswordPolicy as OutputsPasswordPolicy } from '@auth-s3/outputs';

/** The user pool's password policy: the rules the outputs carry, and how long a temporary password lasts. */
export interface PasswordPolicy extends OutputsPasswordPolicy {
  temporaryPasswordValidityDays: number;
}

export interface UserPoolModel {
  logicalId: string;
  /** e.g. `us-east-1_AbCdEf123` */
  id: string;
  arn: string;
  passwordPolicy: PasswordPolicy;
  /** `email` when users sign in with their email address (UsernameAttributes). */
  usernameAttributes: Array<'email' | 'phone_number'>;
  autoVerifiedAttributes: Array<'email' | 'phone_number'>;
  selfSignUpEnabled: boolean;
  /** MfaConfiguration: no second factor, one each user may turn on, or one every user must have. */
  mfaConfiguration: MfaConfiguration;
  /** EnabledMfas holds SOFTWARE_TOKEN_MFA: users may set up an authenticator app (TOTP). */
  softwareTokenMfa: boolean;
  /** The `custom:` attributes the Schema declares, with their prefix (standard attributes always exist). */
  customAttributes: string[];
  /** Attributes the Schema marks `Required`: sign-up and AdminCreateUser must give them. */
  requiredAttributes: string[];
}

/** The user pool's `MfaConfiguration`. */
export type MfaConfiguration = 'OFF' | 'OPTIONAL' | 'ON';

export interface UserPoolClientModel {
  logicalId: string;
  id: string;
  userPoolId: string;
  /** e.g. `ALLOW_USER_SRP_AUTH`, `ALLOW_REFRESH_TOKEN_AUTH` */
  explicitAuthFlows: string[];
  preventUserExistenceErrors: boolean;
  /**
   * `WriteAttributes`: what a user may set through this client (SignUp, a new password's
   * attributes). Absent: the pool's standard attributes, as Cognito defaults it.
   */
  writeAttributes?: string[];
  enableTokenRevocation: boolean;
  /** Seconds. */
  accessTokenValidity: number;
  idTokenValidity: number;
  refreshTokenValidity: number;
}

export interface RoleModel {
  logicalId: string;
  arn: string;
  name: string;
  /** Inline and attached managed policies, resolved (no intrinsics left). */
  policies: NamedPolicy[];
  /**
   * The statements of the role's trust policy (AssumeRolePolicyDocument) that trust the
   * `cognito-identity.amazonaws.com` federated principal, with `Principal` taken out so the
   * evaluator checks their action and conditions (aud, amr) as an identity policy. Absent when
   * the template has no trust policy; the identity pool then issues credentials unchecked.
   */
  trustPolicy?: NamedPolicy;
}

/** One `CognitoIdentityProviders` entry of the identity pool. */
export interface IdentityProviderModel {
  /** `cognito-idp.<region>.amazonaws.com/<user pool id>` */
  providerName: string;
  clientId: string;
  userPoolId: string;
  /**
   * `ServerSideTokenCheck`: the identity pool asks the user pool whether the id token's sign-in
   * still stands (not signed out or revoked, user not deleted or disabled). @default false
   */
  serverSideTokenCheck?: boolean;
}

export interface IdentityPoolModel {
  logicalId: string;
  /** e.g. `us-east-1:0c0f3b9a-...` */
  id: string;
  allowUnauthenticatedIdentities: boolean;
  /** The user pool + client pairs that may sign in. */
  providers: IdentityProviderModel[];
  authenticatedRoleArn?: string;
  unauthenticatedRoleArn?: string;
}

export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposedHeaders: string[];
  maxAge?: number;
}

export interface BucketModel {
  logicalId: string;
  name: string;
  arn: string;
  cors: CorsRule[];
  versioning: boolean;
  /** The bucket policy, resolved, if the stack has one. */
  policy?: NamedPolicy;
}

export interface StackModel {
  stackName: string;
  region: string;
  accountId: string;
  userPool: UserPoolModel;
  userPoolClient: UserPoolClientModel;
  identityPool: IdentityPoolModel;
  roles: RoleModel[];
  /** The app's bucket (the one with CORS rules); a log bucket, if any, is not served. */
  bucket: BucketModel;
  /** Properties of the template that the emulator does not model, printed at start. */
  warnings: string[];
  /**
   * The template's `OutputsVersion` output: the outputs version the synthesized stack writes. The
   * emulator writes the contract's current version; a different one here means a stale template.
   */
  outputsVersion?: string;
  /** The bucket's areas, from the template's `PublicPrefix` and `PrivatePrefixPattern` outputs. */
  areas: FileAreas;
}
