/* AdminConfirmSignUp: confirms an UNCONFIRMED user without a code (the email stays unverified, as in AWS). */
import type {
  AdminConfirmSignUpRequest,
  AdminConfirmSignUpResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorizedError, UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { required, userPool } from '../validate.js';

export const adminConfirmSignUp: OperationFactory<
  AdminConfirmSignUpRequest,
  AdminConfirmSignUpResponse,
  'model' | 'users' | 'clock' | 'store'
> =
  ({ model, users, clock, store }) =>
  async (request) => {
    userPool(model, request.UserPoolId);
    const user = users.find(required(request.Username, 'Username'));
    if (!user) throw new UserNotFoundError('User does not exist.');
    if (user.status !== 'UNCONFIRMED') {
      throw new NotAuthorizedError(`User cannot be confirmed. Current status is ${user.status}`);
    }
    user.status = 'CONFIRMED';
    user.updatedAt = clock.now();
    await store.save();
    return {};
  };
