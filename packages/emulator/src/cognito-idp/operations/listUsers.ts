/*
 * ListUsers: the pool's users, oldest first, filtered by Cognito's filter syntax
 * (`email = "a@b.c"`, `email ^= "a"`, also `username`, `sub`, `status`/`cognito:user_status`),
 * paged with Limit (≤ 60) and PaginationToken.
 */
import type { ListUsersRequest, ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { ownValue, type UserRecord } from '../../store/state.js';
import { userType } from '../user-type.js';
import { userPool } from '../validate.js';

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

function filterPredicate(filter: string | undefined): (user: UserRecord) => boolean {
  if (!filter) return () => true;
  const match = FILTER.exec(filter);
  if (!match) throw new InvalidParameterError(`Error while parsing filter: ${filter}`);
  const [, attribute = '', operator, value = ''] = match;
  const read = (user: UserRecord): string | undefined => {
    if (attribute === 'username') return user.username;
    if (attribute === 'status' || attribute === 'cognito:user_status') return user.status;
    return ownValue(user.attributes, attribute);
  };
  return (user) => {
    const actual = read(user);
    if (actual === undefined) return false;
    return operator === '=' ? actual === value : actual.startsWith(value);
  };
}

export const listUsers: OperationFactory<ListUsersRequest, ListUsersResponse, 'model' | 'users'> =
  ({ model, users }) =>
  async (request) => {
    userPool(model, request.UserPoolId);
    const limit = request.Limit ?? 60;
    if (limit < 1 || limit > 60) throw new InvalidParameterError('Limit must be between 1 and 60.');
    const start = request.PaginationToken ? Number.parseInt(request.PaginationToken, 10) : 0;
    if (!Number.isSafeInteger(start) || start < 0)
      throw new InvalidParameterError('Invalid pagination token.');
    const matching = users
      .list()
      .filter(filterPredicate(request.Filter))
      .sort((a, b) => a.createdAt - b.createdAt || a.username.localeCompare(b.username));
    const page = matching.slice(start, start + limit);
    const next = start + limit < matching.length ? String(start + limit) : undefined;
    return {
      Users: page.map((user) => userType(user, request.AttributesToGet)),
      ...(next ? { PaginationToken: next } : {}),
    };
  };
