/*
 * AdminCreateUser: creates a user with a temporary password (given, or generated to fit the
 * policy) in FORCE_CHANGE_PASSWORD, valid for the pool's TemporaryPasswordValidityDays; the
 * temporary password goes to the inbox unless MessageAction is SUPPRESS. Attributes must be in
 * the pool's schema (see `user-attributes.ts`); an administrator may set `email_verified`.
 */
import { randomInt } from 'node:crypto';
import type {
  AdminCreateUserRequest,
  AdminCreateUserResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, UnsupportedOperationError, UsernameExistsError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { enforcePasswordPolicy, generatePassword } from '../../services/password-policy.js';
import { AttributeList, Password, StringMap, Username, UserPoolId, userPoolInput } from '../input-members.js';
import { boolean, list, string, struct } from '../request-shape.js';
import { writableAttributes } from '../user-attributes.js';
import { userType } from '../user-type.js';
import { userPool } from '../validate.js';

/** AdminCreateUser's request members (API reference, AdminCreateUser, "Request Parameters"). */
const input = struct(
  {
    UserPoolId,
    Username,
    UserAttributes: AttributeList,
    ValidationData: AttributeList,
    TemporaryPassword: Password,
    ForceAliasCreation: boolean(),
    MessageAction: string({ enum: ['RESEND', 'SUPPRESS'] }),
    DesiredDeliveryMediums: list(string({ enum: ['SMS', 'EMAIL'] })),
    ClientMetadata: StringMap,
  },
  ['UserPoolId', 'Username'],
);

export const adminCreateUser: OperationFactory<
  AdminCreateUserRequest,
  AdminCreateUserResponse,
  'model' | 'users' | 'inbox' | 'clock' | 'store'
> = userPoolInput(input, ({ model, users, inbox, clock, store }) => async (request) => {
  userPool(model, request.UserPoolId);
  const login = request.Username;
  if (request.MessageAction === 'RESEND')
    throw new UnsupportedOperationError('AdminCreateUser with MessageAction RESEND');
  if (users.signsInWithEmail && !/^[^\s@]+@[^\s@]+$/.test(login)) {
    throw new InvalidParameterError('Username should be an email.');
  }
  if (users.find(login)) throw new UsernameExistsError('User account already exists');
  const attributes = writableAttributes(model, request.UserAttributes, 'admin', {
    creating: true,
    implied: users.signsInWithEmail ? ['email'] : [],
  });
  const policy = model.userPool.passwordPolicy;
  const password = request.TemporaryPassword ?? generatePassword(policy, randomInt);
  enforcePasswordPolicy(password, policy);
  const user = users.create({ login, attributes, password, status: 'FORCE_CHANGE_PASSWORD' });
  user.temporaryPasswordExpiresAt = clock.now() + policy.temporaryPasswordValidityDays * 86_400_000;
  const email = user.attributes.email;
  if (email && request.MessageAction !== 'SUPPRESS') {
    inbox.deliver({ to: email, code: password, kind: 'temporaryPassword', username: user.username });
  }
  await store.save();
  return { User: userType(user) };
});
