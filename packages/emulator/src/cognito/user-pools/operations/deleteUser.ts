/* DeleteUser: the signed-in user deletes their own account, with its codes and sessions. */
import type { DeleteUserRequest } from '@aws-sdk/client-cognito-identity-provider';
import type { OperationFactory } from '../../operation.js';
import { AccessToken, userPoolInput } from '../input-members.js';
import { struct } from '../request-shape.js';

/** DeleteUser's request members (API reference, DeleteUser). */
const input = struct({ AccessToken }, ['AccessToken']);

export const deleteUser: OperationFactory<
  DeleteUserRequest,
  Record<string, never>,
  'tokens' | 'users' | 'store'
> = userPoolInput(input, ({ tokens, users, store }) => async (request) => {
  const user = tokens.authenticate(request.AccessToken);
  users.delete(user);
  await store.save();
  return {};
});
