/*
 * GetUser: the signed-in user's username, attributes and MFA settings (UserMFASettingList,
 * PreferredMfaSetting), for a live (unrevoked, unexpired) access token.
 */
import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { attributeList } from '../../services/users.js';
import { AccessToken, userPoolInput } from '../input-members.js';
import { mfaFields } from '../mfa.js';
import { struct } from '../request-shape.js';

/** GetUser's request members (API reference, GetUser). */
const input = struct({ AccessToken }, ['AccessToken']);

export const getUser: OperationFactory<GetUserRequest, GetUserResponse, 'tokens'> = userPoolInput(
  input,
  ({ tokens }) =>
    async (request) => {
      const user = tokens.authenticate(request.AccessToken);
      return { Username: user.username, UserAttributes: attributeList(user), ...mfaFields(user) };
    },
);
