/* DeleteUser: the signed-in user deletes their own account, with its codes and sessions. */
import type { DeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { required } from '../validate.js';

export const deleteUser: OperationFactory<
  DeleteUserRequest,
  Record<string, never>,
  'tokens' | 'users' | 'store'
> =
  ({ tokens, users, store }) =>
  async (request) => {
    const user = tokens.authenticate(required(request.AccessToken, 'AccessToken'));
    users.delete(user);
    await store.save();
    return {};
  };
