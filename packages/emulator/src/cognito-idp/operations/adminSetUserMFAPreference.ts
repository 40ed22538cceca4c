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
import { applyMfaPreference } from '../mfa.js';
import { required, userPool } from '../validate.js';

export const adminSetUserMFAPreference: OperationFactory<
  AdminSetUserMFAPreferenceRequest,
  AdminSetUserMFAPreferenceResponse,
  'model' | 'users' | 'store'
> = (services) => async (request) => {
  userPool(services.model, request.UserPoolId);
  const user = services.users.find(required(request.Username, 'Username'));
  if (!user) throw new UserNotFoundError('User does not exist.');
  applyMfaPreference(services.model, user, request);
  await services.store.save();
  return {};
};
