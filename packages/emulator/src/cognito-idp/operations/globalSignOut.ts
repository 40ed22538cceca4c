/*
 * GlobalSignOut: ends every session of the signed-in user; their refresh tokens and the access
 * tokens minted from them stop working at once.
 */
import type { GlobalSignOutRequest, GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { required } from '../validate.js';

export const globalSignOut: OperationFactory<
  GlobalSignOutRequest,
  GlobalSignOutResponse,
  'tokens' | 'store'
> =
  ({ tokens, store }) =>
  async (request) => {
    const user = tokens.authenticate(required(request.AccessToken, 'AccessToken'));
    tokens.signOutEverywhere(user);
    await store.save();
    return {};
  };
