/*
 * GetId: the identity id (`region:uuid`) of the user whose id token is in `Logins` — the same
 * id every time for the same user — or a new unauthenticated identity where the pool allows it.
 */
import type { GetIdInput, GetIdResponse } from '@aws-sdk/client-cognito-identity';
import { NotAuthorizedError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { string, struct } from '../../user-pools/request-shape.js';
import { verifiedLogin } from '../logins.js';
import { IdentityPoolId, identityPool, identityPoolInput, Logins } from '../validate.js';

/** GetId's request members (API reference, GetId, "Request Parameters"). */
const input = struct({ AccountId: string({ min: 1, max: 15, pattern: '\\d+' }), IdentityPoolId, Logins }, [
  'IdentityPoolId',
]);

export const getId: OperationFactory<
  GetIdInput,
  GetIdResponse,
  'model' | 'tokens' | 'clock' | 'identities' | 'store'
> = identityPoolInput(input, (services) => async (request) => {
  const { model, identities, store } = services;
  identityPool(model, request.IdentityPoolId);
  const login = verifiedLogin(services, request.Logins);
  if (login === undefined && !model.identityPool.allowUnauthenticatedIdentities) {
    throw new NotAuthorizedError('Unauthenticated access is not supported for this identity pool.');
  }
  const identity = identities.identityFor(login);
  await store.save();
  return { IdentityId: identity.identityId };
});
