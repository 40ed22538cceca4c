/*
 * ConfirmSignUp: checks the code sent at sign-up and marks the user CONFIRMED with a verified
 * email. Wrong, expired and too-often-wrong codes fail as Cognito's do.
 */
import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { CodeMismatchError, NotAuthorizedError, UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { appClient, hidesUsers, required } from '../validate.js';

export const confirmSignUp: OperationFactory<
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  'model' | 'users' | 'codes' | 'store' | 'clock'
> =
  ({ model, users, codes, store, clock }) =>
  async (request) => {
    appClient(model, request.ClientId);
    const login = required(request.Username, 'Username');
    const code = required(request.ConfirmationCode, 'ConfirmationCode');
    const user = users.find(login);
    if (!user) {
      if (hidesUsers(model)) throw new CodeMismatchError();
      throw new UserNotFoundError('Username/client id combination not found.');
    }
    if (user.status !== 'UNCONFIRMED') {
      throw new NotAuthorizedError(`User cannot be confirmed. Current status is ${user.status}`);
    }
    await codes.redeem(user.username, 'signUp', code);
    user.status = 'CONFIRMED';
    if (user.attributes.email) user.attributes.email_verified = 'true';
    user.updatedAt = clock.now();
    await store.save();
    return {};
  };
