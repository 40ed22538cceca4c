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
import { sendCodeToUser } from '../code-delivery.js';

export const resendConfirmationCode: OperationFactory<
  ResendConfirmationCodeRequest,
  ResendConfirmationCodeResponse,
  'model' | 'users' | 'codes' | 'inbox' | 'store'
> = sendCodeToUser('signUp', 'resendConfirmationCode', (user) => {
  if (user.status !== 'UNCONFIRMED') throw new InvalidParameterError('User is already confirmed.');
  const email = user.attributes.email;
  if (!email) {
    throw new InvalidParameterError(
      'Cannot resend codes. Auto verification not turned on or no email for the user.',
    );
  }
  return email;
});
