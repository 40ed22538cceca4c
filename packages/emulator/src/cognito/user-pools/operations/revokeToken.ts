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
import { ClientId, Token, userPoolInput } from '../input-members.js';
import { string, struct } from '../request-shape.js';
import { appClient } from '../validate.js';

/** RevokeToken's request members (API reference, RevokeToken). */
const input = struct(
  { Token, ClientId, ClientSecret: string({ min: 1, max: 64, pattern: '[\\w+]+', sensitive: true }) },
  ['Token', 'ClientId'],
);

export const revokeToken: OperationFactory<
  RevokeTokenRequest,
  RevokeTokenResponse,
  'model' | 'tokens' | 'store'
> = userPoolInput(input, ({ model, tokens, store }) => async (request) => {
  const token = request.Token;
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
});
