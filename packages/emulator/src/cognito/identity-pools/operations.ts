/*
 * Every identity pool operation the emulator speaks, keyed by its AWS name (the part of
 * `X-Amz-Target: AWSCognitoIdentityService.<Name>` after the dot).
 */
import type { AnyOperationFactory } from '../operation.js';
import { getCredentialsForIdentity } from './operations/getCredentialsForIdentity.js';
import { getId } from './operations/getId.js';

export const cognitoIdentityOperations = {
  GetCredentialsForIdentity: getCredentialsForIdentity,
  GetId: getId,
} satisfies Record<string, AnyOperationFactory>;

/** The name of a supported identity pool operation. */
export type CognitoIdentityOperationName = keyof typeof cognitoIdentityOperations;
