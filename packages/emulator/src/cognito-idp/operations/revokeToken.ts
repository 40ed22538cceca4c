/*
 * RevokeToken: ends the session behind a refresh token, which also ends the access tokens
 * minted from it. Like Cognito (and RFC 7009), an unknown token is not an error; an access or
 * id token is UnsupportedTokenTypeException, and a client without revocation refuses.
 */
import type { RevokeTokenRequest, RevokeTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import {
  CognitoUnsupportedOperationError,
  NotAuthorizedError,
  UnsupportedTokenTypeError,
} from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { appClient, required } from '../validate.js';

export const revokeToken: OperationFactory<
  RevokeTokenRequest,
  RevokeTokenResponse,
  'model' | 'tokens' | 'store'
> =
  ({ model, tokens, store }) =>
  async (request) => {
    const token = required(request.Token, 'Token');
    const client = appClient(model, request.ClientId);
    if (!client.enableTokenRevocation) {
      throw new CognitoUnsupportedOperationError('Token revocation is not enabled for this app client.');
    }
    if (token.split('.').length === 3)
      throw new UnsupportedTokenTypeError('Only refresh tokens can be revoked.');
    const outcome = tokens.revoke(token, client.id);
    if (outcome === 'other-client') throw new NotAuthorizedError('Token was not issued to this client.');
    await store.save();
    return {};
  };
