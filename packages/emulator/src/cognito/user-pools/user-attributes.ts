/*
 * Which user attributes a request may set. An attribute must exist in the pool's schema (the
 * standard OpenID Connect attributes, plus the `custom:` ones the template's Schema declares),
 * else InvalidParameterException "Attributes did not conform to the schema" (SignUp and
 * AdminCreateUser API references, "InvalidParameterException"); required ones must be given.
 * Through an app client (SignUp, NEW_PASSWORD_REQUIRED) an attribute must also be one of the
 * client's WriteAttributes — by default the standard attributes users may edit (UserPoolClientType,
 * "WriteAttributes") — else NotAuthorizedException "A client attempted to write unauthorized
 * attribute", Cognito's answer. Administrators may also set `email_verified` and the like.
 */

import type { StackModel } from '../../stack-model.js';
import { InvalidParameterError, NotAuthorizedError } from '../errors.js';
import { ownValue, setOwn } from '../store/state.js';

/** The standard attributes every user pool has (Cognito developer guide, "Standard attributes"). */
export const STANDARD_ATTRIBUTES: readonly string[] = [
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'sub',
  'updated_at',
  'website',
  'zoneinfo',
];

/** Standard attributes that only Cognito or an administrator sets: not in a client's default WriteAttributes. */
const NOT_CLIENT_WRITABLE = new Set(['sub', 'email_verified', 'phone_number_verified']);

/** Who is writing: a user through the app client, or an administrator with IAM credentials. */
export type AttributeWriter = 'client' | 'admin';

/**
 * The attributes of a `[{ Name, Value }]` list (shape already checked) as a record, after the
 * schema, required-attribute and write-permission checks. `implied` are attributes the request
 * sets another way (the email a user signs in with), counted as given.
 */
export function writableAttributes(
  model: StackModel,
  list: ReadonlyArray<{ Name?: string; Value?: string }> | undefined,
  writer: AttributeWriter,
  options: { creating: boolean; implied?: readonly string[] } = { creating: false },
): Record<string, string> {
  const record: Record<string, string> = {};
  const problems: string[] = [];
  for (const { Name = '', Value } of list ?? []) {
    if (Name === 'sub') throw new InvalidParameterError('Cannot modify the non-mutable attribute sub');
    if (!isInSchema(model, Name)) problems.push(`${Name}: Attribute does not exist in the schema.`);
    else setOwn(record, Name, Value ?? '');
  }
  if (options.creating) {
    for (const name of model.userPool.requiredAttributes) {
      const given = ownValue(record, name) !== undefined || options.implied?.includes(name);
      if (!given) problems.push(`${name}: The attribute is required`);
    }
  }
  if (problems.length > 0) {
    throw new InvalidParameterError(
      `Attributes did not conform to the schema: ${problems.map((p) => `${p}\n`).join('')}`,
    );
  }
  if (writer === 'client') {
    const allowed = clientWriteAttributes(model);
    if (Object.keys(record).some((name) => !allowed.has(name)))
      throw new NotAuthorizedError('A client attempted to write unauthorized attribute');
  }
  return record;
}

function isInSchema(model: StackModel, name: string): boolean {
  return STANDARD_ATTRIBUTES.includes(name) || model.userPool.customAttributes.includes(name);
}

function clientWriteAttributes(model: StackModel): Set<string> {
  const listed = model.userPoolClient.writeAttributes;
  if (listed) return new Set(listed);
  return new Set(STANDARD_ATTRIBUTES.filter((name) => !NOT_CLIENT_WRITABLE.has(name)));
}
