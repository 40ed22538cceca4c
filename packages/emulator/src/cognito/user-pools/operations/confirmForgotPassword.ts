/*
 * ConfirmForgotPassword: checks the reset code and sets the new password (which must meet the
 * policy); a user whose reset an administrator required becomes CONFIRMED again.
 */
import type {
  ConfirmForgotPasswordRequest,
  ConfirmForgotPasswordResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { enforcePasswordPolicy } from '../../services/password-policy.js';
import { redeemForUnknownUser } from '../code-delivery.js';
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
import { appClient } from '../validate.js';

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
  // The policy first, for unknown names too: a weak password must not tell users apart.
  enforcePasswordPolicy(password, model.userPool.passwordPolicy);
  const user = users.find(login);
  if (!user) return redeemForUnknownUser({ model, codes }, login, 'forgotPassword', code);
  await codes.redeem(user.username, 'forgotPassword', code);
  users.setPassword(user, password);
  users.recordSuccessfulSignIn(user);
  if (user.status === 'RESET_REQUIRED' || user.status === 'FORCE_CHANGE_PASSWORD') user.status = 'CONFIRMED';
  await store.save();
  return {};
});
