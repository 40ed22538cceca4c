/* The `UserType` shape admin operations return for a user; dates go out as epoch seconds. */
import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { ownValue, type UserRecord } from '../store/state.js';

/** A user as AdminCreateUser and ListUsers describe it, optionally with only some attributes. */
export function userType(user: UserRecord, attributesToGet?: string[]): UserType {
  const names = attributesToGet ?? Object.keys(user.attributes);
  return {
    Username: user.username,
    Attributes: names.flatMap((Name) => {
      const Value = ownValue(user.attributes, Name);
      return Value === undefined ? [] : [{ Name, Value }];
    }),
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
