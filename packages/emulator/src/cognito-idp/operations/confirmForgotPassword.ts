/*
 * ConfirmForgotPassword: checks the reset code and sets the new password (which must meet the
 * policy); a user whose reset an administrator required becomes CONFIRMED again.
 */
import type {
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { CodeMismatchError, UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { enforcePasswordPolicy } from '../../services/password-policy.js';
import {
  ClientContext,
  ClientId,
  ConfirmationCode,
  Password,
  SecretHash,
  Username,
  userPoolInput,
} from '../input-members.js';
import { struct } from '../request-shape.js';
import { appClient, hidesUsers } from '../validate.js';

/** ConfirmForgotPassword's request members (API reference, ConfirmForgotPassword). */
const input = struct({ ClientId, SecretHash, Username, ConfirmationCode, Password, ...ClientContext }, [
  'ClientId',
  'Username',
  'ConfirmationCode',
  'Password',
]);

export const confirmForgotPassword: OperationFactory<
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
  'model' | 'users' | 'codes' | 'store'
> = userPoolInput(input, ({ model, users, codes, store }) => async (request) => {
  appClient(model, request.ClientId);
  const login = request.Username;
  const code = request.ConfirmationCode;
  const password = request.Password;
  const user = users.find(login);
  if (!user) {
    if (hidesUsers(model)) throw new CodeMismatchError();
    throw new UserNotFoundError('Username/client id combination not found.');
  }
  enforcePasswordPolicy(password, model.userPool.passwordPolicy);
  await codes.redeem(user.username, 'forgotPassword', code);
  users.setPassword(user, password);
  users.recordSuccessfulSignIn(user);
  if (user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD') user.status = 'CONFIRMED';
  await store.save();
  return {};
});
