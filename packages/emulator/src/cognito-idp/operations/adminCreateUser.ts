/*
 * AdminCreateUser: creates a user with a temporary password (given, or generated to fit the
 * policy) in FORCE_CHANGE_PASSWORD, valid for the pool's TemporaryPasswordValidityDays; the
 * temporary password goes to the inbox unless MessageAction is SUPPRESS.
 */
import { randomInt } from 'node:crypto';
import type {
  AdminCreateUserRequest,
  AdminCreateUserResponse,
} from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError, UnsupportedOperationError, UsernameExistsError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { enforcePasswordPolicy, generatePassword } from '../../services/password-policy.js';
import { userType } from '../user-type.js';
import { attributeRecord, required, userPool } from '../validate.js';

export const adminCreateUser: OperationFactory<
  AdminCreateUserRequest,
  AdminCreateUserResponse,
  'model' | 'users' | 'inbox' | 'clock' | 'store'
> =
  ({ model, users, inbox, clock, store }) =>
  async (request) => {
    userPool(model, request.UserPoolId);
    const login = required(request.Username, 'Username');
    if (request.MessageAction === 'RESEND')
      throw new UnsupportedOperationError('AdminCreateUser with MessageAction RESEND');
    if (users.signsInWithEmail && !/^[^\s@]+@[^\s@]+$/.test(login)) {
      throw new InvalidParameterError('Username should be an email.');
    }
    if (users.find(login)) throw new UsernameExistsError('User account already exists');
    const policy = model.userPool.passwordPolicy;
    const password = request.TemporaryPassword ?? generatePassword(policy, randomInt);
    enforcePasswordPolicy(password, policy);
    const user = users.create({
      login,
      attributes: attributeRecord(request.UserAttributes),
      password,
      status: 'FORCE_CHANGE_PASSWORD',
    });
    user.temporaryPasswordExpiresAt = clock.now() + policy.temporaryPasswordValidityDays * 86_400_000;
    const email = user.attributes.email;
    if (email && request.MessageAction !== 'SUPPRESS') {
      inbox.deliver({ to: email, code: password, kind: 'temporaryPassword', username: user.username });
    }
    await store.save();
    return { User: userType(user) };
  };
