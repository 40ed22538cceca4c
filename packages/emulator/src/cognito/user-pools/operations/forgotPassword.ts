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
import { sendCodeToUser } from '../code-delivery.js';

export const forgotPassword: OperationFactory<
  ForgotPasswordRequest,
  ForgotPasswordResponse,
  'model' | 'users' | 'codes' | 'inbox' | 'store'
> = sendCodeToUser('forgotPassword', 'forgotPassword', (user) => {
  if (!user.enabled) throw new NotAuthorizedError('User is disabled.');
  const email = user.attributes.email;
  if (!email || user.attributes.email_verified !== 'true') {
    throw new InvalidParameterError(
      'Cannot reset password for the user as there is no registered/verified email or phone_number',
    );
  }
  return email;
});
