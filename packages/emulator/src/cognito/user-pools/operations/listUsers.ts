/*
 * ListUsers: the pool's users, oldest first, filtered by Cognito's filter syntax
 * (`email = "a@b.c"`, `email ^= "a"`) on the attributes the API reference lets a filter name:
 * `status` is the Enabled flag ("Enabled"/"Disabled"), `cognito:user_status` the confirmation
 * status (matched case-insensitively); custom attributes cannot be searched
 * (InvalidParameterException). Paged with Limit (≤ 60) and PaginationToken.
 */
import type { ListUsersRequest, ListUsersResponse } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterError } from '../../errors.js';
import type { OperationFactory } from '../../operation.js';
import { ownValue, type UserRecord } from '../../store/state.js';
import { AttributeName, UserPoolId, userPoolInput } from '../input-members.js';
import { integer, list, string, struct } from '../request-shape.js';
import { userType } from '../user-type.js';
import { userPool } from '../validate.js';

/** ListUsers' request members (API reference, ListUsers, "Request Parameters"). */
const input = struct(
  {
    UserPoolId,
    AttributesToGet: list(AttributeName),
    Limit: integer({ min: 0, max: 60 }),
    PaginationToken: string({ min: 1, pattern: '[\\S]+' }),
    Filter: string({ max: 256 }),
  },
  ['UserPoolId'],
);

const FILTER = /^\s*([\w:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/;

/** How each searchable attribute (API reference, ListUsers, "Filter") is read and compared. */
const SEARCHABLE: Record<string, { read: (user: UserRecord) => string | undefined; caseless?: boolean }> = {
  username: { read: (user) => user.username },
  'cognito:user_status': { read: (user) => user.status, caseless: true },
  status: { read: (user) => (user.enabled ? 'Enabled' : 'Disabled') },
  sub: { read: (user) => user.sub },
  ...Object.fromEntries(
    ['email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username'].map((name) => [
      name,
      { read: (user: UserRecord) => ownValue(user.attributes, name) },
    ]),
  ),
};

function filterPredicate(filter: string | undefined): (user: UserRecord) => boolean {
  if (!filter) return () => true;
  const match = FILTER.exec(filter);
  if (!match) throw new InvalidParameterError(`Error while parsing filter: ${filter}`);
  const [, attribute = '', operator, quoted = ''] = match;
  const searchable = ownValue(SEARCHABLE, attribute);
  if (!searchable) {
    throw new InvalidParameterError(
      `Invalid search attribute: ${attribute}. ListUsers can filter on ${Object.keys(SEARCHABLE).join(', ')}; custom attributes cannot be searched.`,
    );
  }
  const fold = (text: string) => (searchable.caseless ? text.toLowerCase() : text);
  const value = fold(quoted.replace(/\\(.)/g, '$1'));
  return (user) => {
    const actual = searchable.read(user);
    if (actual === undefined) return false;
    return operator === '=' ? fold(actual) === value : fold(actual).startsWith(value);
  };
}

export const listUsers: OperationFactory<ListUsersRequest, ListUsersResponse, 'model' | 'users'> =
  userPoolInput(input, ({ model, users }) => async (request) => {
    userPool(model, request.UserPoolId);
    // The API allows 0; Cognito then answers with its default page size, as the emulator does.
    const limit = request.Limit || 60;
    const start = request.PaginationToken ? Number(request.PaginationToken) : 0;
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
  });
