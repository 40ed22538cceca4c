/*
 * The members identity pool operations share, with the constraints of the Amazon Cognito
 * Federated Identities API reference (GetId, GetCredentialsForIdentity: IdentityPoolId,
 * IdentityId, Logins), `identityPoolInput`, which declares an operation's input shape (a broken
 * constraint is ValidationException, as this service answers), and the pool id check.
 */

import type { StackModel } from '../../stack-model.js';
import { ResourceNotFoundError, ValidationError } from '../errors.js';
import type { OperationFactory } from '../operation.js';
import type { Services } from '../services/index.js';
import { type Checked, map, type StructShape, shaped, string } from '../user-pools/request-shape.js';

export const IdentityPoolId = string({ min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' });
export const IdentityId = string({ min: 1, max: 55, pattern: '[\\w-]+:[0-9a-f-]+' });
/** Provider name → token; at most 10 logins, tokens up to 50,000 characters. */
export const Logins = map(string({ min: 1, max: 128 }), string({ min: 1, max: 50_000, sensitive: true }), {
  max: 10,
});

/** Wraps an identity pool operation with its input shape (see `request-shape.ts`). */
export function identityPoolInput<
  Request,
  Response,
  Needs extends keyof Services,
  Required extends keyof Request & string,
>(
  shape: StructShape<Required>,
  factory: OperationFactory<Checked<Request, Required>, Response, Needs>,
): OperationFactory<Request, Response, Needs> {
  return shaped(shape, (message) => new ValidationError(message), factory);
}

/** Checks the (well-formed) identity pool id of a request. */
export function identityPool(model: StackModel, id: string): void {
  if (id !== model.identityPool.id) throw new ResourceNotFoundError(`IdentityPool '${id}' not found.`);
}
