/* AdminDeleteUser: removes a user by username or email, with their codes and sessions. */
import type { AdminDeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import { UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { Username, UserPoolId, userPoolInput } from '../input-members.js';
import { struct } from '../request-shape.js';
import { userPool } from '../validate.js';

/** AdminDeleteUser's request members (API reference, AdminDeleteUser). */
const input = struct({ UserPoolId, Username }, ['UserPoolId', 'Username']);

export const adminDeleteUser: OperationFactory<
  AdminDeleteUserRequest,
  Record<string, never>,
  'model' | 'users' | 'store'
> = userPoolInput(input, ({ model, users, store }) => async (request) => {
  userPool(model, request.UserPoolId);
  const user = users.find(request.Username);
  if (!user) throw new UserNotFoundError('User does not exist.');
  users.delete(user);
  await store.save();
  return {};
});
