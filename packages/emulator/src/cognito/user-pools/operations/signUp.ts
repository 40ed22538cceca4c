/*
 * SignUp: registers a user with a password that meets the pool's policy and, when the pool
 * auto-verifies email, sends a 6-digit confirmation code (valid 24 h) to the inbox. Attributes
 * must be in the pool's schema and writable by the client (see `user-attributes.ts`).
 */
import type { SignUpRequest, SignUpResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, NotAuthorizedError, UsernameExistsError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { enforcePasswordPolicy } from '../../services/password-policy.js';
import { sendCode } from '../code-delivery.js';
import {
  AttributeList,
  ClientContext,
  ClientId,
  Password,
  SecretHash,
  Username,
  userPoolInput,
} from '../input-members.js';
import { struct } from '../request-shape.js';
import { writableAttributes } from '../user-attributes.js';
import { appClient } from '../validate.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** SignUp's request members (API reference, SignUp, "Request Parameters"). */
const input = struct(
  {
    ClientId,
    Username,
    Password,
    SecretHash,
    UserAttributes: AttributeList,
    ValidationData: AttributeList,
    ...ClientContext,
  },
  // Password is optional in the API for passwordless sign-up, which the emulator does not offer.
  ['ClientId', 'Username', 'Password'],
);

export const signUp: OperationFactory<
  SignUpRequest,
  SignUpResponse,
  'model' | 'users' | 'codes' | 'inbox' | 'store'
> = userPoolInput(input, ({ model, users, codes, inbox, store }) => async (request) => {
  appClient(model, request.ClientId);
  const login = request.Username;
  if (!model.userPool.selfSignUpEnabled)
    throw new NotAuthorizedError('SignUp is not permitted for this user pool');
  if (users.signsInWithEmail && !EMAIL.test(login))
    throw new InvalidParameterError('Username should be an email.');
  const attributes = writableAttributes(model, request.UserAttributes, 'client', {
    creating: true,
    implied: users.signsInWithEmail ? ['email'] : [],
  });
  const password = request.Password;
  if (users.find(login) || (attributes.email && users.signsInWithEmail && users.find(attributes.email))) {
    throw new UsernameExistsError(
      users.signsInWithEmail ? 'An account with the given email already exists.' : 'User already exists',
    );
  }
  enforcePasswordPolicy(password, model.userPool.passwordPolicy);

  const user = users.create({ login, attributes, password, status: 'UNCONFIRMED' });
  const email = user.attributes.email;
  let delivery: SignUpResponse['CodeDeliveryDetails'];
  if (email && model.userPool.autoVerifiedAttributes.includes('email')) {
    user.attributes.email_verified = 'false';
    delivery = sendCode({ codes, inbox }, user, email, 'signUp');
  }
  await store.save();
  return {
    UserConfirmed: false,
    UserSub: user.sub,
    ...(delivery ? { CodeDeliveryDetails: delivery } : {}),
  };
});
