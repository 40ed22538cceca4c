/*
 * The members user pool operations share, with the constraints the Amazon Cognito user pools API
 * reference gives them (its "Request Parameters" and "Data Types" pages: ClientIdType,
 * UserPoolIdType, UsernameType, PasswordType, AttributeType, ...), and `userPoolInput`, which
 * declares an operation's input shape; a broken constraint is InvalidParameterException.
 */

import { InvalidParameterError } from '../errors.js';
import { boolean, list, map, type Shape, shaped, string, struct } from './request-shape.js';

/** Letters, marks, symbols, numbers and punctuation: Cognito's pattern for names and usernames. */
const PRINTABLE = '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+';
const TOKEN = '[A-Za-z0-9-_=.]+';

export const ClientId = string({ min: 1, max: 128, pattern: '[\\w+]+', sensitive: true });
export const UserPoolId = string({ min: 1, max: 55, pattern: '[\\w-]+_[0-9a-zA-Z]+' });
export const Username = string({ min: 1, max: 128, pattern: PRINTABLE, sensitive: true });
export const Password = string({ max: 256, pattern: '[\\S]+', sensitive: true });
export const SecretHash = string({ min: 1, max: 128, pattern: '[\\w+=/]+', sensitive: true });
export const ConfirmationCode = string({ min: 1, max: 2048, pattern: '[\\S]+' });
export const AccessToken = string({ pattern: TOKEN, sensitive: true });
export const Token = string({ pattern: TOKEN, sensitive: true });
export const Session = string({ min: 20, max: 2048, sensitive: true });
export const AttributeName = string({ min: 1, max: 32, pattern: PRINTABLE });
export const AttributeList: Shape = list(
  struct({ Name: AttributeName, Value: string({ max: 2048, sensitive: true }) }, ['Name']),
);
/** `SMSMfaSettings`, `SoftwareTokenMfaSettings`, `EmailMfaSettings`: a factor on or off, and preferred. */
const MfaSettings = struct({ Enabled: boolean(), PreferredMfa: boolean() });
/** The factor settings SetUserMFAPreference and AdminSetUserMFAPreference take (API reference, SetUserMFAPreference). */
export const MfaPreferences = {
  SMSMfaSettings: MfaSettings,
  SoftwareTokenMfaSettings: MfaSettings,
  EmailMfaSettings: MfaSettings,
} as const;
export const StringMap: Shape = map(string(), string(), { sensitive: true });
/** Members every client-side operation may carry and the emulator does not use beyond their type. */
export const ClientContext = {
  ClientMetadata: StringMap,
  AnalyticsMetadata: struct({ AnalyticsEndpointId: string() }),
  UserContextData: struct({ IpAddress: string(), EncodedData: string() }),
} as const;

/** Wraps a user pool operation with its input shape (see `request-shape.ts`); Cognito's answer to a bad one is InvalidParameterException. */
export const userPoolInput = shaped((message) => new InvalidParameterError(message));
