/*
 * The two Cognito identity pool operations the credentials provider uses, GetId and
 * GetCredentialsForIdentity, typed after the service's API reference and bound to the JSON client.
 * Both are unsigned: the user pool's id token in `Logins` proves who is asking.
 */
import type { CallOptions, JsonCall } from './json-client.js';

export interface GetIdInput {
  IdentityPoolId: string;
  /** `cognito-idp.<region>.amazonaws.com/<userPoolId>` → the id token. */
  Logins?: Record<string, string>;
}

export interface GetIdOutput {
  IdentityId?: string;
}

export interface GetCredentialsForIdentityInput {
  IdentityId: string;
  Logins?: Record<string, string>;
}

/** As sent on the wire: `Expiration` is a timestamp in epoch seconds (see `expirationDate`). */
export interface IdentityCredentials {
  AccessKeyId?: string;
  SecretKey?: string;
  SessionToken?: string;
  Expiration?: number | string;
}

export interface GetCredentialsForIdentityOutput {
  IdentityId?: string;
  Credentials?: IdentityCredentials;
}

export interface IdentityPoolApi {
  getId(input: GetIdInput, options?: CallOptions): Promise<GetIdOutput>;
  getCredentialsForIdentity(
    input: GetCredentialsForIdentityInput,
    options?: CallOptions,
  ): Promise<GetCredentialsForIdentityOutput>;
}

/** Binds the identity pool operations to `call` (a client built with `IDENTITY_POOLS`). */
export function identityPoolApi(call: JsonCall): IdentityPoolApi {
  return {
    getId: (input, options) => call('GetId', input, options),
    getCredentialsForIdentity: (input, options) => call('GetCredentialsForIdentity', input, options),
  };
}

/**
 * JSON 1.1 timestamps are epoch seconds, possibly fractional (`1764151200.5`); a numeric string is
 * read the same way and an ISO date as a date. `undefined` when it is none of these.
 */
export function expirationDate(value: number | string | undefined): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = typeof value === 'number' ? value : Number(value);
  const date = Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
