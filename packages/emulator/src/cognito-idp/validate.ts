/*
 * Checks shared by the user pool operations: required parameters (with AWS's validation
 * message), the app client and the user pool named in a request, and whether the pool hides
 * which users exist.
 */

import { InvalidParameterError, ResourceNotFoundError } from '../errors.js';
import type { StackModel, UserPoolClientModel } from '../stack-model.js';
import { setOwn } from '../store/state.js';

/** The string value of a required parameter, or AWS's "must not be null" validation error. */
export function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') {
    const field = name.charAt(0).toLowerCase() + name.slice(1);
    throw new InvalidParameterError(
      `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return value;
}

/** The app client a request names; ResourceNotFoundException for any other id. */
export function appClient(model: StackModel, clientId: unknown): UserPoolClientModel {
  const id = required(clientId, 'ClientId');
  if (id !== model.userPoolClient.id)
    throw new ResourceNotFoundError(`User pool client ${id} does not exist.`);
  return model.userPoolClient;
}

/** Checks the user pool id of an admin request. */
export function userPool(model: StackModel, userPoolId: unknown): void {
  const id = required(userPoolId, 'UserPoolId');
  if (id !== model.userPool.id) throw new ResourceNotFoundError(`User pool ${id} does not exist.`);
}

/** Whether unknown users must look like wrong passwords (PreventUserExistenceErrors: ENABLED). */
export function hidesUsers(model: StackModel): boolean {
  return model.userPoolClient.preventUserExistenceErrors;
}

/** Turns `[{ Name, Value }]` into a record, rejecting attributes a user may not set. */
export function attributeRecord(
  list: Array<{ Name?: string; Value?: string }> | undefined,
): Record<string, string> {
  const record: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) {
    if (!Name) continue;
    if (Name === 'sub') throw new InvalidParameterError('Cannot modify the non-mutable attribute sub');
    setOwn(record, Name, Value ?? '');
  }
  return record;
}
