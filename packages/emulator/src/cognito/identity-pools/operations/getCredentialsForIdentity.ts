/*
 * GetCredentialsForIdentity: temporary credentials (`ASIA…`, valid 1 h) for the role the stack
 * attaches to authenticated identities (or unauthenticated ones), after checking that `Logins`
 * proves the identity's user and that the role's trust policy lets this identity assume it. S3
 * verifies requests signed with them.
 */
import type {
  GetCredentialsForIdentityInput,
  GetCredentialsForIdentityResponse,
} from '@aws-sdk/client-cognito-identity';
import {
  InvalidIdentityPoolConfigurationError,
  NotAuthorizedError,
  ResourceNotFoundError,
} from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { string, struct } from '../../user-pools/request-shape.js';
import { verifiedLogin } from '../logins.js';
import { assertRoleTrustsIdentity } from '../role-trust.js';
import { IdentityId, identityPoolInput, Logins } from '../validate.js';

/** GetCredentialsForIdentity's request members (API reference, GetCredentialsForIdentity). */
const input = struct({ IdentityId, Logins, CustomRoleArn: string({ min: 20, max: 2048 }) }, ['IdentityId']);

export const getCredentialsForIdentity: OperationFactory<
  GetCredentialsForIdentityInput,
  GetCredentialsForIdentityResponse,
  'model' | 'tokens' | 'clock' | 'identities' | 'store' | 'log'
> = identityPoolInput(input, (services) => async (request) => {
  const { model, identities, store } = services;
  const identityId = request.IdentityId;
  const identity = identities.find(identityId);
  if (!identity) throw new ResourceNotFoundError(`Identity '${identityId}' not found.`);
  const login = verifiedLogin(services, request.Logins);
  let roleArn: string | undefined;
  if (identity.login !== undefined) {
    if (login !== identity.login) {
      throw new NotAuthorizedError(
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
      );
    }
    roleArn = model.identityPool.authenticatedRoleArn;
  } else {
    if (!model.identityPool.allowUnauthenticatedIdentities) {
      throw new NotAuthorizedError('Unauthenticated access is not supported for this identity pool.');
    }
    roleArn = model.identityPool.unauthenticatedRoleArn;
  }
  if (!roleArn) throw new InvalidIdentityPoolConfigurationError();
  assertRoleTrustsIdentity(services, roleArn, identity);
  const credentials = identities.issueCredentials(identity.identityId, roleArn);
  await store.save();
  return {
    IdentityId: identity.identityId,
    Credentials: {
      AccessKeyId: credentials.accessKeyId,
      SecretKey: credentials.secretAccessKey,
      SessionToken: credentials.sessionToken,
      Expiration: new Date(credentials.expiration),
    },
  };
});
