/* AdminDeleteUser: removes a user by username or email, with their codes and sessions. */
import type { AdminDeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import { UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { required, userPool } from '../validate.js';

export const adminDeleteUser: OperationFactory<
  AdminDeleteUserRequest,
  Record<string, never>,
  'model' | 'users' | 'store'
> =
  ({ model, users, store }) =>
  async (request) => {
    userPool(model, request.UserPoolId);
    const user = users.find(required(request.Username, 'Username'));
    if (!user) throw new UserNotFoundError('User does not exist.');
    users.delete(user);
    await store.save();
    return {};
  };
