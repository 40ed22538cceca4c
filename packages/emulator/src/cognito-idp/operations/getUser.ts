/*
 * GetUser: the signed-in user's username, attributes and MFA settings (UserMFASettingList,
 * PreferredMfaSetting), for a live (unrevoked, unexpired) access token.
 */
import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { attributeList } from '../../services/users.js';
import { mfaFields } from '../mfa.js';
import { required } from '../validate.js';

export const getUser: OperationFactory<GetUserRequest, GetUserResponse, 'tokens'> =
  ({ tokens }) =>
  async (request) => {
    const user = tokens.authenticate(required(request.AccessToken, 'AccessToken'));
    return { Username: user.username, UserAttributes: attributeList(user), ...mfaFields(user) };
  };
