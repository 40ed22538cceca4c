/*
 * Checks on what callers pass to the public API, made before anything is sent: a value of the wrong
 * type fails here with an `InvalidParameterError` that names the method, the argument and what to
 * pass, instead of surfacing later as a TypeError deep inside a request (or as an AWS error).
 * TypeScript callers rarely reach these; JavaScript callers and values from forms and JSON do.
 */
import { InvalidParameterError } from './errors.js';

/** Throws unless `value` is a non-empty string. `what` reads after "needs", e.g. `the email address`. */
export function checkText(method: string, what: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') fail(method, `${what} as a non-empty string`, value);
}

/** Throws unless `value` is absent or a string. */
export function checkOptionalString(method: string, what: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'string')
    fail(method, `${what} as a string, or nothing`, value);
}

/** Throws unless `value` is absent or a boolean. */
export function checkOptionalBoolean(method: string, what: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'boolean') fail(method, `${what} as true or false`, value);
}

/** Throws unless `value` is absent or a function. */
export function checkOptionalFunction(method: string, what: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function')
    fail(method, `${what} as a function, or nothing`, value);
}

/** Throws unless `value` is absent or a whole number from `min` to `max`. */
export function checkOptionalInteger(
  method: string,
  what: string,
  value: unknown,
  range: { min: number; max: number },
): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    fail(method, `${what} as a whole number from ${range.min} to ${range.max}`, value);
  }
}

/** Throws unless `value` is absent or an options object (not an array, string or number). */
export function checkOptions(method: string, value: unknown): void {
  if (!isOptionalObject(value)) fail(method, 'its options as an object, or nothing', value);
}

/** Throws unless `value` is absent or an object whose values are all strings. */
export function checkOptionalStringRecord(method: string, what: string, value: unknown): void {
  if (!isOptionalObject(value)) fail(method, `${what} as an object of strings, or nothing`, value);
  for (const [name, entry] of Object.entries((value ?? {}) as object)) {
    if (typeof entry !== 'string') fail(method, `${what} with string values (${name} is not one)`, entry);
  }
}

/** Throws unless `value` is absent or an AbortSignal. */
export function checkOptionalSignal(method: string, value: unknown): void {
  if (value !== undefined && !(typeof AbortSignal === 'function' && value instanceof AbortSignal)) {
    fail(method, 'signal as an AbortSignal (from new AbortController().signal), or nothing', value);
  }
}

function isOptionalObject(value: unknown): boolean {
  return value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value));
}

/** Throws the error every check above throws. */
export function fail(method: string, needs: string, value: unknown): never {
  throw new InvalidParameterError(`${method}() needs ${needs} (got ${describeValue(value)}).`);
}

/** `the number 42`, `undefined`, `an empty string`, `an array`: what was passed, without echoing secrets. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${value}`;
  if (typeof value === 'object') {
    const name = value.constructor?.name;
    if (!name || name === 'Object') return 'an object';
    return /^[AEIOU]/.test(name) ? `an ${name}` : `a ${name}`;
  }
  return `a ${typeof value}`;
}
