/*
 * Checks shared by the user pool operations once the request's shape is checked (see
 * `input-members.ts`): the parameters a flow needs inside `AuthParameters` or
 * `ChallengeResponses`, the app client and the user pool named in a request, and whether the
 * pool hides which users exist.
 */

import type { StackModel, UserPoolClientModel } from '../../stack-model.js';
import { InvalidParameterError, ResourceNotFoundError } from '../errors.js';
import { ownValue } from '../store/state.js';

/**
 * The value of a parameter a flow or challenge requires in `AuthParameters` or
 * `ChallengeResponses`, or Cognito's "Missing required parameter USERNAME".
 */
export function requiredParameter(parameters: Record<string, string> | undefined, name: string): string {
  const value = parameters === undefined ? undefined : ownValue(parameters, name);
  if (value === undefined || value === '')
    throw new InvalidParameterError(`Missing required parameter ${name}`);
  return value;
}

/** The app client a request names; ResourceNotFoundException for any other (well-formed) id. */
export function appClient(model: StackModel, id: string): UserPoolClientModel {
  if (id !== model.userPoolClient.id)
    throw new ResourceNotFoundError(`User pool client ${id} does not exist.`);
  return model.userPoolClient;
}

/** Checks the (well-formed) user pool id of an admin request. */
export function userPool(model: StackModel, id: string): void {
  if (id !== model.userPool.id) throw new ResourceNotFoundError(`User pool ${id} does not exist.`);
}

/** Whether unknown users must look like wrong passwords (PreventUserExistenceErrors: ENABLED). */
export function hidesUsers(model: StackModel): boolean {
  return model.userPoolClient.preventUserExistenceErrors;
}
