/* AdminConfirmSignUp: confirms an UNCONFIRMED user without a code (the email stays unverified, as in AWS). */
import type {
  AdminConfirmSignUpRequest,
  AdminConfirmSignUpResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorizedError, UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { StringMap, Username, UserPoolId, userPoolInput } from '../input-members.js';
import { struct } from '../request-shape.js';
import { userPool } from '../validate.js';

/** AdminConfirmSignUp's request members (API reference, AdminConfirmSignUp). */
const input = struct({ UserPoolId, Username, ClientMetadata: StringMap }, ['UserPoolId', 'Username']);

export const adminConfirmSignUp: OperationFactory<
  AdminConfirmSignUpRequest,
  AdminConfirmSignUpResponse,
  'model' | 'users' | 'clock' | 'store'
> = userPoolInput(input, ({ model, users, clock, store }) => async (request) => {
  userPool(model, request.UserPoolId);
  const user = users.find(request.Username);
  if (!user) throw new UserNotFoundError('User does not exist.');
  if (user.status !== 'UNCONFIRMED') {
    throw new NotAuthorizedError(`User cannot be confirmed. Current status is ${user.status}`);
  }
  user.status = 'CONFIRMED';
  user.updatedAt = clock.now();
  await store.save();
  return {};
});
