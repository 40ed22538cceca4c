/* Checks shared by the identity pool operations: required parameters and the pool id. */

import { required } from '../cognito-idp/validate.js';
import { ResourceNotFoundError } from '../errors.js';
import type { StackModel } from '../stack-model.js';

/** Checks the identity pool id of a request. */
export function identityPool(model: StackModel, identityPoolId: unknown): void {
  const id = required(identityPoolId, 'IdentityPoolId');
  if (id !== model.identityPool.id) throw new ResourceNotFoundError(`IdentityPool '${id}' not found.`);
}
