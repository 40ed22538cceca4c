/*
 * AdminGetUser: a user by username or email, with attributes, status, dates and MFA settings,
 * signed with IAM credentials (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminGetUser.html).
 */
import type { AdminGetUserRequest, AdminGetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import { UserNotFoundError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { Username, UserPoolId, userPoolInput } from '../input-members.js';
import { mfaFields } from '../mfa.js';
import { struct } from '../request-shape.js';
import { userType } from '../user-type.js';
import { userPool } from '../validate.js';

/** AdminGetUser's request members (API reference, AdminGetUser). */
const input = struct({ UserPoolId, Username }, ['UserPoolId', 'Username']);

export const adminGetUser: OperationFactory<AdminGetUserRequest, AdminGetUserResponse, 'model' | 'users'> =
  userPoolInput(input, ({ model, users }) => async (request) => {
    userPool(model, request.UserPoolId);
    const user = users.find(request.Username);
    if (!user) throw new UserNotFoundError('User does not exist.');
    const { Attributes, ...rest } = userType(user);
    return { ...rest, Username: user.username, UserAttributes: Attributes, ...mfaFields(user) };
  });
