/*
 * The check AWS STS makes before the identity pool hands out a role's credentials: the role's
 * trust policy must allow `sts:AssumeRoleWithWebIdentity` for this identity, with the context
 * keys Cognito sends — `cognito-identity.amazonaws.com:aud` (the identity pool), `:amr`
 * (`authenticated` + the provider + `{provider}:CognitoSignIn:{sub}`, or `unauthenticated`) and
 * `:sub` (the identity id). Evaluated with `@auth-s3/iam`, the evaluator S3 uses.
 */
import { evaluate } from '@auth-s3/iam';
import { InvalidIdentityPoolConfigurationError } from '../errors.js';
import type { Services } from '../services/index.js';

/** Throws InvalidIdentityPoolConfigurationException (as AWS does) when the role does not trust this identity. */
export function assertRoleTrustsIdentity(
  services: Pick<Services, 'model' | 'log'>,
  roleArn: string,
  identity: { identityId: string; login?: string },
): void {
  const { model } = services;
  const role = model.roles.find((r) => r.arn === roleArn);
  if (!role?.trustPolicy) return;
  const amr = amrFor(identity.login);
  const decision = evaluate(
    {
      action: 'sts:AssumeRoleWithWebIdentity',
      resource: roleArn,
      principal: { arn: roleArn, account: model.accountId },
      context: {
        'cognito-identity.amazonaws.com:aud': model.identityPool.id,
        'cognito-identity.amazonaws.com:amr': amr,
        'cognito-identity.amazonaws.com:sub': identity.identityId,
      },
    },
    [role.trustPolicy],
  );
  if (decision.decision === 'Allow') return;
  services.log(
    `⚠  ${role.name}'s trust policy does not let identity ${identity.identityId} (amr ${amr.join(', ')}) ` +
      `assume it: ${decision.summary}. Check the role's AssumeRolePolicyDocument conditions (aud, amr).`,
  );
  throw new InvalidIdentityPoolConfigurationError();
}

/** `cognito-identity.amazonaws.com:amr` as Cognito sends it, from a login `provider:sub`. */
export function amrFor(login: string | undefined): string[] {
  if (login === undefined) return ['unauthenticated'];
  const at = login.indexOf(':');
  const provider = login.slice(0, at);
  const sub = login.slice(at + 1);
  return ['authenticated', provider, `${provider}:CognitoSignIn:${sub}`];
}
