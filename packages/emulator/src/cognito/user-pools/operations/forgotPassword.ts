/*
 * ForgotPassword: sends a 6-digit reset code (valid 1 h) to the user's verified email. For an
 * unknown user, a pool that hides users answers as if it had sent one.
 */
import type {
  ForgotPasswordRequest,
  ForgotPasswordResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, NotAuthorizedError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { deliveryForUnknownUser, sendCode } from '../code-delivery.js';
import { ClientContext, ClientId, SecretHash, Username, userPoolInput } from '../input-members.js';
import { struct } from '../request-shape.js';
import { appClient } from '../validate.js';

/** ForgotPassword's request members (API reference, ForgotPassword). */
const input = struct({ ClientId, SecretHash, Username, ...ClientContext }, ['ClientId', 'Username']);

export const forgotPassword: OperationFactory<
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  'model' | 'users' | 'codes' | 'inbox' | 'store'
> = userPoolInput(input, ({ model, users, codes, inbox, store }) => async (request) => {
  appClient(model, request.ClientId);
  const login = request.Username;
  const user = users.find(login);
  if (!user)
    return {
      CodeDeliveryDetails: await deliveryForUnknownUser({ model, codes, store }, login, 'forgotPassword'),
    };
  if (!user.enabled) throw new NotAuthorizedError('User is disabled.');
  const email = user.attributes.email;
  if (!email || user.attributes.email_verified !== 'true') {
    throw new InvalidParameterError(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  }
  const delivery = sendCode({ codes, inbox }, user, email, 'forgotPassword');
  await store.save();
  return { CodeDeliveryDetails: delivery };
});
