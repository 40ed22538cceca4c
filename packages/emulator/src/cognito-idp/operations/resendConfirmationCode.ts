/*
 * ResendConfirmationCode: a new sign-up code (the old one stops working) for a user who has
 * not confirmed yet. For an unknown user, a pool that hides users answers as if it had sent one.
 */
import type {
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { maskEmail } from '../../services/inbox.js';
import { appClient, hidesUsers, required } from '../validate.js';

export const resendConfirmationCode: OperationFactory<
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  'model' | 'users' | 'codes' | 'inbox' | 'store'
> =
  ({ model, users, codes, inbox, store }) =>
  async (request) => {
    appClient(model, request.ClientId);
    const login = required(request.Username, 'Username');
    const user = users.find(login);
    if (!user) {
      if (!hidesUsers(model)) throw new UserNotFoundError('Username/client id combination not found.');
      const fake = login.includes('@') ? maskEmail(login) : '***';
      return { CodeDeliveryDetails: { Destination: fake, DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
    }
    if (user.status !== 'UNCONFIRMED') throw new InvalidParameterError('User is already confirmed.');
    const email = user.attributes.email;
    if (!email) {
      throw new InvalidParameterError(
        'Cannot resend codes. Auto verification not turned on or no email for the user.',
      );
    }
    const code = codes.issue(user.username, 'signUp');
    inbox.deliver({ to: email, code, kind: 'resendConfirmationCode', username: user.username });
    await store.save();
    return {
      CodeDeliveryDetails: { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    };
  };
