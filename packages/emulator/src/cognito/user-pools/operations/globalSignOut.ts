/*
 * GlobalSignOut: ends every session of the signed-in user; their refresh tokens and the access
 * tokens minted from them stop working at once.
 */
import type { GlobalSignOutRequest, GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { AccessToken, userPoolInput } from '../input-members.js';
import { struct } from '../request-shape.js';

/** GlobalSignOut's request members (API reference, GlobalSignOut). */
const input = struct({ AccessToken }, ['AccessToken']);

export const globalSignOut: OperationFactory<
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  'tokens' | 'store'
> = userPoolInput(input, ({ tokens, store }) => async (request) => {
  const user = tokens.authenticate(request.AccessToken);
  tokens.signOutEverywhere(user);
  await store.save();
  return {};
});
