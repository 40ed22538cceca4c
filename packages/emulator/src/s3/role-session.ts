/*
 * Who an identity-pool caller is to IAM: the STS session the pool creates when it assumes the role
 * for an identity (session name `CognitoIdentityCredentials`), and the context keys AWS attaches
 * to it: `aws:userid` as `<role id>:<session name>`, where the role id is a stable `AROA…` derived
 * from the role ARN (the emulator has no IAM to assign one), and the Cognito identity keys, with
 * `cognito-identity.amazonaws.com:amr` the list AWS sends.
 */
import { createHash } from 'node:crypto';
import type { ContextValue } from '@auth-s3/iam';
import type { IssuedCredentials } from '../issued-credentials.js';
import type { StackModel } from '../stack-model.js';

/** The role session name the identity pool gives every session it creates. */
export const COGNITO_SESSION_NAME = 'CognitoIdentityCredentials';

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The session ARN STS gives a role session created by the identity pool. */
export function assumedRoleArn(roleArn: string): string {
  const [, partition = 'aws', , , account = '', resource = ''] = roleArn.split(':');
  const roleName = resource.split('/').pop() ?? resource;
  return `arn:${partition}:sts::${account}:assumed-role/${roleName}/${COGNITO_SESSION_NAME}`;
}

/**
 * The bucket owner as S3 names it in `<Owner>`: a canonical user id (64 hex digits) derived from
 * the account id, stable per account; S3 assigns real ones. With the bucket's object ownership
 * (BucketOwnerEnforced, CDK's default) every object's owner is the bucket owner.
 */
export function bucketOwner(model: StackModel): { ID: string } {
  return { ID: createHash('sha256').update(`canonical-user:${model.accountId}`).digest('hex') };
}

/**
 * A role's unique id in IAM's shape (`AROA` and 17 upper-case letters and digits), derived from its
 * ARN so it is the same on every run; real ids are assigned by IAM and differ.
 */
export function roleIdFor(roleArn: string): string {
  const digest = createHash('sha256').update(roleArn).digest();
  let id = 'AROA';
  for (let i = 0; i < 17; i++) id += ID_ALPHABET[(digest[i] as number) % 32];
  return id;
}

/**
 * The `cognito-identity.amazonaws.com:amr` values: for a user-pool login `authenticated`, the
 * provider name and `<provider>:CognitoSignIn:<sub>`; `unauthenticated` for a guest identity.
 * Credentials issued without their login (older data dirs) give `authenticated` alone when they
 * carry the authenticated role.
 */
export function amrValues(model: StackModel, credentials: IssuedCredentials): string[] {
  if (credentials.login === undefined) {
    return credentials.roleArn === model.identityPool.authenticatedRoleArn
      ? ['authenticated']
      : ['unauthenticated'];
  }
  const at = credentials.login.lastIndexOf(':');
  const provider = credentials.login.slice(0, at);
  const sub = credentials.login.slice(at + 1);
  return ['authenticated', provider, `${provider}:CognitoSignIn:${sub}`];
}

/** The IAM context keys an identity-pool role session carries. */
export function sessionContext(
  model: StackModel,
  credentials: IssuedCredentials,
): Record<string, ContextValue> {
  return {
    'aws:userid': `${roleIdFor(credentials.roleArn)}:${COGNITO_SESSION_NAME}`,
    'cognito-identity.amazonaws.com:sub': credentials.identityId,
    'cognito-identity.amazonaws.com:aud': model.identityPool.id,
    'cognito-identity.amazonaws.com:amr': amrValues(model, credentials),
  };
}
