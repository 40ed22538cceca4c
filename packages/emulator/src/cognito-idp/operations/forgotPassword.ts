/*
 * ForgotPassword: sends a 6-digit reset code (valid 1 h) to the user's verified email. For an
 * unknown user, a pool that hides users answers as if it had sent one.
 */
import type {
  ForgotPasswordRequest,
  ForgotPasswordResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, NotAuthorizedError, UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { maskEmail } from '../../services/inbox.js';
import { appClient, hidesUsers, required } from '../validate.js';

export const forgotPassword: OperationFactory<
  ForgotPasswordRequest,
  ForgotPasswordResponse,
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
    if (!user.enabled) throw new NotAuthorizedError('User is disabled.');
    const email = user.attributes.email;
    if (!email || user.attributes.email_verified !== 'true') {
      throw new InvalidParameterError(
        'Cannot reset password for the user as there is no registered/verified email or phone_number',
      );
    }
    const code = codes.issue(user.username, 'forgotPassword');
    inbox.deliver({ to: email, code, kind: 'forgotPassword', username: user.username });
    await store.save();
    return {
      CodeDeliveryDetails: { Destination: maskEmail(email), DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    };
  };
