/*
 * ResendConfirmationCode: a new sign-up code (the old one stops working) for a user who has
 * not confirmed yet. For an unknown user, a pool that hides users answers as if it had sent one.
 */
import type {
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { deliveryForUnknownUser, sendCode } from '../code-delivery.js';
import { ClientContext, ClientId, SecretHash, Username, userPoolInput } from '../input-members.js';
import { struct } from '../request-shape.js';
import { appClient } from '../validate.js';

/** ResendConfirmationCode's request members (API reference, ResendConfirmationCode). */
const input = struct({ ClientId, SecretHash, Username, ...ClientContext }, ['ClientId', 'Username']);

export const resendConfirmationCode: OperationFactory<
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  'model' | 'users' | 'codes' | 'inbox' | 'store'
> = userPoolInput(input, ({ model, users, codes, inbox, store }) => async (request) => {
  appClient(model, request.ClientId);
  const login = request.Username;
  const user = users.find(login);
  if (!user)
    return { CodeDeliveryDetails: await deliveryForUnknownUser({ model, codes, store }, login, 'signUp') };
  if (user.status !== 'UNCONFIRMED') throw new InvalidParameterError('User is already confirmed.');
  const email = user.attributes.email;
  if (!email) {
    throw new InvalidParameterError(
      'Cannot resend codes. Auto verification not turned on or no email for the user.',
    );
  }
  const delivery = sendCode({ codes, inbox }, user, email, 'signUp', 'resendConfirmationCode');
  await store.save();
  return { CodeDeliveryDetails: delivery };
});
