/*
 * The members identity pool operations share, with the constraints of the Amazon Cognito
 * Federated Identities API reference (GetId, GetCredentialsForIdentity: IdentityPoolId,
 * IdentityId, Logins), `identityPoolInput`, which declares an operation's input shape (a broken
 * constraint is ValidationException, as this service answers), and the pool id check.
 */

import type { StackModel } from '../../stack-model.js';
import { ResourceNotFoundError, ValidationError } from '../errors.js';
import { map, shaped, string } from '../user-pools/request-shape.js';

export const IdentityPoolId = string({ min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' });
export const IdentityId = string({ min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' });
/** Provider name → token; at most 10 logins, tokens up to 50,000 characters. */
export const Logins = map(string({ min: 1, max: 128 }), string({ min: 1, max: 50_000, sensitive: true }), {
  max: 10,
});

/** Wraps an identity pool operation with its input shape (see `request-shape.ts`); Cognito Identity's answer to a bad one is ValidationException. */
export const identityPoolInput = shaped((message) => new ValidationError(message));

/** Checks the (well-formed) identity pool id of a request. */
export function identityPool(model: StackModel, id: string): void {
  if (id !== model.identityPool.id) throw new ResourceNotFoundError(`IdentityPool '${id}' not found.`);
}
