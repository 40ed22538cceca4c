/*
 * ConfirmSignUp: checks the code sent at sign-up and marks the user CONFIRMED with a verified
 * email. Wrong, expired and too-often-wrong codes fail as Cognito's do.
 */
import type { ConfirmSignUpRequest, ConfirmSignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { NotAuthorizedError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { redeemForUnknownUser } from '../code-delivery.js';
import {
  ClientContext,
  ClientId,
  ConfirmationCode,
  SecretHash,
  Session,
  Username,
  userPoolInput,
} from '../input-members.js';
import { boolean, struct } from '../request-shape.js';
import { appClient } from '../validate.js';

/** ConfirmSignUp's request members (API reference, ConfirmSignUp). */
const input = struct(
  {
    ClientId,
    SecretHash,
    Username,
    ConfirmationCode,
    ForceAliasCreation: boolean(),
    Session,
    ...ClientContext,
  },
  ['ClientId', 'Username', 'ConfirmationCode'],
);

export const confirmSignUp: OperationFactory<
  ConfirmSignUpRequest,
  ConfirmSignUpResponse,
  'model' | 'users' | 'codes' | 'store' | 'clock'
> = userPoolInput(input, ({ model, users, codes, store, clock }) => async (request) => {
  appClient(model, request.ClientId);
  const login = request.Username;
  const code = request.ConfirmationCode;
  const user = users.find(login);
  if (!user) return redeemForUnknownUser({ model, codes }, login, 'signUp', code);
  if (user.status !== 'UNCONFIRMED') {
    throw new NotAuthorizedError(`User cannot be confirmed. Current status is ${user.status}`);
  }
  await codes.redeem(user.username, 'signUp', code);
  user.status = 'CONFIRMED';
  if (user.attributes.email) user.attributes.email_verified = 'true';
  user.updatedAt = clock.now();
  await store.save();
  return {};
});
