/*
 * AdminSetUserMFAPreference: SetUserMFAPreference for a user named by username or email, signed
 * with IAM credentials (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserMFAPreference.html).
 */
import type {
  AdminSetUserMFAPreferenceRequest,
  AdminSetUserMFAPreferenceResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { MfaPreferences, Username, UserPoolId, userPoolInput } from '../input-members.js';
import { applyMfaPreference } from '../mfa.js';
import { struct } from '../request-shape.js';
import { userPool } from '../validate.js';

/** AdminSetUserMFAPreference's request members (API reference, AdminSetUserMFAPreference). */
const input = struct({ UserPoolId, Username, ...MfaPreferences }, ['UserPoolId', 'Username']);

export const adminSetUserMFAPreference: OperationFactory<
  AdminSetUserMFAPreferenceRequest,
  AdminSetUserMFAPreferenceResponse,
  'model' | 'users' | 'store'
> = userPoolInput(input, (services) => async (request) => {
  userPool(services.model, request.UserPoolId);
  const user = services.users.find(request.Username);
  if (!user) throw new UserNotFoundError('User does not exist.');
  applyMfaPreference(services.model, user, request);
  await services.store.save();
  return {};
});
