/*
 * ChangePassword: the signed-in user replaces their password, proving the current one; the
 * new one must meet the policy. Wrong current passwords count towards the lockout.
 */
import type {
  ChangePasswordRequest,
  ChangePasswordResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { enforcePasswordPolicy } from '../../services/password-policy.js';
import { assertMaySignIn, rejectPassword } from '../sign-in.js';
import { required } from '../validate.js';

export const changePassword: OperationFactory<
  ChangePasswordRequest,
  ChangePasswordResponse,
  'model' | 'users' | 'tokens' | 'sealed' | 'clock' | 'store'
> = (services) => async (request) => {
  const { model, users, tokens, store } = services;
  const user = tokens.authenticate(required(request.AccessToken, 'AccessToken'));
  const previous = required(request.PreviousPassword, 'PreviousPassword');
  const proposed = required(request.ProposedPassword, 'ProposedPassword');
  assertMaySignIn(services, user);
  if (!users.passwordMatches(user, previous)) return rejectPassword(services, user);
  enforcePasswordPolicy(proposed, model.userPool.passwordPolicy);
  users.setPassword(user, proposed);
  await store.save();
  return {};
};
