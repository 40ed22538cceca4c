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
import { AccessToken, Password, userPoolInput } from '../input-members.js';
import { struct } from '../request-shape.js';
import { assertMaySignIn, rejectPassword } from '../sign-in.js';

/** ChangePassword's request members (API reference, ChangePassword). */
const input = struct(
  { AccessToken, PreviousPassword: Password, ProposedPassword: Password },
  // PreviousPassword is optional in the API only for users without a password, which the emulator has not.
  ['AccessToken', 'PreviousPassword', 'ProposedPassword'],
);

export const changePassword: OperationFactory<
  ChangePasswordRequest,
  ChangePasswordResponse,
  'model' | 'users' | 'tokens' | 'sealed' | 'clock' | 'store'
> = userPoolInput(input, (services) => async (request) => {
  const { model, users, tokens, store } = services;
  const user = tokens.authenticate(request.AccessToken);
  const previous = request.PreviousPassword;
  const proposed = request.ProposedPassword;
  assertMaySignIn(services, user);
  if (!users.passwordMatches(user, previous)) return rejectPassword(services, user);
  enforcePasswordPolicy(proposed, model.userPool.passwordPolicy);
  users.setPassword(user, proposed);
  await store.save();
  return {};
});
