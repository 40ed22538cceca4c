/*
 * The input shapes of the Cognito operations, checked before an operation runs, as AWS's JSON
 * front end does: each operation declares its members once (`struct({...}, required)`) and
 * `shaped()` wraps the operation with the check. A member of the wrong JSON type (an object where
 * a list belongs, a number where a string belongs) is SerializationException; a member that
 * breaks its documented constraint (length, pattern, enum, range, a missing required member, a
 * `null` in a list) is the service's validation error, worded as AWS words it:
 * `1 validation error detected: Value 'x' at 'clientId' failed to satisfy constraint: Member must
 * satisfy regular expression pattern: [\w+]+` (sensitive members, such as passwords, are not
 * echoed). Unknown members are ignored, as AWS ignores them.
 */
import { type CognitoError, SerializationError } from '../errors.js';
import type { OperationFactory } from '../operation.js';
import type { Services } from '../services/index.js';

interface Common {
  /** Not echoed in error messages (passwords, tokens, attribute values). */
  sensitive?: boolean;
}
export interface StringShape extends Common {
  kind: 'string';
  min?: number;
  max?: number;
  /** The API reference's pattern, matched against the whole value. */
  pattern?: string;
  enum?: readonly string[];
}
export interface IntegerShape extends Common {
  kind: 'integer';
  min?: number;
  max?: number;
}
export interface BooleanShape extends Common {
  kind: 'boolean';
}
export interface ListShape extends Common {
  kind: 'list';
  member: Shape;
  max?: number;
}
export interface MapShape extends Common {
  kind: 'map';
  key: StringShape;
  value: Shape;
  max?: number;
}
export interface StructShape<Required extends string = string> extends Common {
  kind: 'struct';
  members: Record<string, Shape>;
  required: readonly Required[];
}
export type Shape = StringShape | IntegerShape | BooleanShape | ListShape | MapShape | StructShape;

/** A string member; `pattern` is the API reference's, unanchored as it is written there. */
export const string = (constraints: Omit<StringShape, 'kind'> = {}): StringShape => ({
  kind: 'string',
  ...constraints,
});
/** An integer member within `min`..`max`. */
export const integer = (constraints: Omit<IntegerShape, 'kind'> = {}): IntegerShape => ({
  kind: 'integer',
  ...constraints,
});
/** A boolean member. */
export const boolean = (): BooleanShape => ({ kind: 'boolean' });
/** A list of `member`s; `null` entries are "Member must not be null". */
export const list = (member: Shape, constraints: Omit<ListShape, 'kind' | 'member'> = {}): ListShape => ({
  kind: 'list',
  member,
  ...constraints,
});
/** A JSON object from `key` strings to `value`s. */
export const map = (
  key: StringShape,
  value: Shape,
  constraints: Omit<MapShape, 'kind' | 'key' | 'value'> = {},
): MapShape => ({ kind: 'map', key, value, ...constraints });
/** A structure: its known members and which of them are required (unknown members are ignored). */
export const struct = <Required extends string = never>(
  members: Record<string, Shape>,
  required: readonly Required[] = [],
): StructShape<Required> => ({ kind: 'struct', members, required });

/** `N validation errors detected: …`, as the service's validation error class. */
export type ValidationErrorFactory = (message: string) => CognitoError;

const JSON_KIND = (value: unknown): string => {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a structure or map';
  return `a ${typeof value}`;
};

/** Path segment as AWS names it: the member name in lowerCamel case. */
const memberPath = (parent: string, name: string): string => {
  const camel = name.charAt(0).toLowerCase() + name.slice(1);
  return parent === '' ? camel : `${parent}.${camel}`;
};

const compiled = new Map<string, RegExp>();
function fullMatch(pattern: string, value: string): boolean {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`, 'su');
    compiled.set(pattern, regex);
  }
  return regex.test(value);
}

/**
 * Checks `value` against `shape`. Throws SerializationException at the first member of the wrong
 * JSON type; collects constraint failures into `problems` (AWS reports them all at once).
 */
function check(value: unknown, shape: Shape, path: string, problems: string[]): void {
  const fail = (constraint: string) => {
    const shown = shape.sensitive || typeof value === 'object' ? '' : ` '${String(value)}'`;
    problems.push(`Value${shown} at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  };
  const wrongType = (expected: string) =>
    new SerializationError(
      `Expected ${expected} at '${path}' but found ${JSON_KIND(value)}; send the type the API reference gives for this member.`,
    );
  switch (shape.kind) {
    case 'string': {
      if (typeof value !== 'string') throw wrongType('a string');
      const length = [...value].length;
      if (shape.min !== undefined && length < shape.min)
        fail(`have length greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && length > shape.max)
        fail(`have length less than or equal to ${shape.max}`);
      if (shape.pattern !== undefined && !fullMatch(shape.pattern, value))
        fail(`satisfy regular expression pattern: ${shape.pattern}`);
      if (shape.enum !== undefined && !shape.enum.includes(value))
        fail(`satisfy enum value set: [${shape.enum.join(', ')}]`);
      return;
    }
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) throw wrongType('an integer');
      if (shape.min !== undefined && value < shape.min)
        fail(`have value greater than or equal to ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) fail(`have value less than or equal to ${shape.max}`);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('a boolean');
      return;
    case 'list': {
      if (!Array.isArray(value)) throw wrongType('a list');
      if (shape.max !== undefined && value.length > shape.max)
        fail(`have length less than or equal to ${shape.max}`);
      value.forEach((item, i) => {
        const itemPath = `${path}.${i + 1}.member`;
        if (item === null) {
          problems.push(`Value null at '${itemPath}' failed to satisfy constraint: Member must not be null`);
        } else check(item, shape.member, itemPath, problems);
      });
      return;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType('a map');
      const entries = Object.entries(value);
      if (shape.max !== undefined && entries.length > shape.max)
        fail(`have length less than or equal to ${shape.max}`);
      for (const [key, item] of entries) {
        check(key, shape.key, `${path}.${key}.key`, problems);
        if (item === null) {
          problems.push(
            `Value null at '${path}.${key}.value' failed to satisfy constraint: Member must not be null`,
          );
        } else check(item, shape.value, `${path}.${key}.value`, problems);
      }
      return;
    }
    case 'struct': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrongType('a structure');
      const record = value as Record<string, unknown>;
      for (const [name, member] of Object.entries(shape.members)) {
        const memberValue = Object.hasOwn(record, name) ? record[name] : undefined;
        const at = memberPath(path, name);
        if (memberValue === undefined || memberValue === null) {
          if (shape.required.includes(name))
            problems.push(`Value null at '${at}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        check(memberValue, member, at, problems);
      }
      return;
    }
  }
}

/** Checks a request against its operation's shape; throws the first type error or all constraint failures. */
export function assertShape(request: unknown, shape: StructShape, invalid: ValidationErrorFactory): void {
  const problems: string[] = [];
  check(request, shape, '', problems);
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 validation error' : `${problems.length} validation errors`;
  throw invalid(`${count} detected: ${problems.join('; ')}`);
}

/** `Request` once its shape is checked: the required members are present. */
export type Checked<Request, Required extends keyof Request> = Request & {
  [K in Required]-?: NonNullable<Request[K]>;
};

/**
 * A service's input wrapper: it wraps an operation factory so every request is checked against
 * `shape` first (the one place an operation declares what its input may hold), and a request that
 * breaks it fails with the service's own error, made by `invalid`.
 */
export function shaped(invalid: ValidationErrorFactory) {
  return <Request, Response, Needs extends keyof Services, Required extends keyof Request & string>(
    shape: StructShape<Required>,
    factory: OperationFactory<Checked<Request, Required>, Response, Needs>,
  ): OperationFactory<Request, Response, Needs> =>
    (services) => {
      const operation = factory(services);
      return async (request) => {
        assertShape(request, shape, invalid);
        return operation(request as Checked<Request, Required>);
      };
    };
}
